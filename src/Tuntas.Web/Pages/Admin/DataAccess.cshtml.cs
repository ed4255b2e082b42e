using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Tuntas.Data.Access;
using Tuntas.Web.Access;

namespace Tuntas.Web.Pages.Admin;

/// <summary>
/// Who viewed personal data, for administrators (the access rule keeps every other role out with
/// 404): the same report as <c>tuntas privacy views</c>, newest first.
/// </summary>
public sealed class DataAccessModel(PersonalDataLog log) : PageModel
{
    public const int Shown = 500;

    [BindProperty(SupportsGet = true, Name = "pengguna")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true, Name = "kk")]
    public string? NoKk { get; set; }

    [BindProperty(SupportsGet = true, Name = "aksi")]
    public string? Action { get; set; }

    [BindProperty(SupportsGet = true, Name = "dari")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "sampai")]
    public string? ToText { get; set; }

    public IReadOnlyList<PersonalDataView> Views { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var action = PersonalDataLog.Actions.Contains(Clean(Action)) ? Clean(Action) : null;
        Views = await log.ReportAsync(new PersonalDataLog.Filter(Clean(UserName), Clean(NoKk), Day(FromText), Day(ToText), action), Shown, ct);

        // Reading this report is itself recorded: under the No. KK asked about, when one was.
        HttpContext.PersonalData().Describe(Clean(NoKk), Views.Count);
        return Page();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
}
