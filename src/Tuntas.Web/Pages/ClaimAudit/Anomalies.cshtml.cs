using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Registry;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Regions;
using Tuntas.Web.Access;
using Tuntas.Web.Interventions;
using Tuntas.Web.Localization;

namespace Tuntas.Web.Pages.ClaimAudit;

/// <summary>
/// The anomaly flags of a region over a period, grouped by rule with the rule in plain words, each
/// No. KK leading to its household page. For Dinas Sosial, analysts and administrators.
/// </summary>
public sealed class AnomaliesModel(RegisterQueries register, AnomalyQuery anomalies, RegionClock clock, Tuntas.Domain.Verification.VisitMarkSettings marks) : RegionPageModel(register, clock)
{
    /// <summary>The thresholds the visit rules were run with, for the rules' descriptions.</summary>
    public Tuntas.Domain.Verification.VisitMarkSettings MarkSettings => marks;

    public AnomalyReport? Report { get; private set; }

    public DateWindow Window { get; private set; } = DateWindow.All;

    /// <summary>The period typed could not be read; the page says so and shows no flags.</summary>
    public bool BadWindow { get; private set; }

    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? FromText { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? ToText { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await ResolveAsync(c => EndpointAccess.Anomalies.Allows(c.Role), ct))
        {
            return NotFoundPage();
        }

        if (!TryOptionalDay(FromText, out var from) || !TryOptionalDay(ToText, out var to) || from > to)
        {
            BadWindow = true;
            return Page();
        }

        Window = new DateWindow(from, to);
        if (Region is null)
        {
            return Page();
        }

        Report = await anomalies.RunAsync(Caller.Scope, Region.Code, Window, ct);
        RegionNames = await anomalies.RegionNamesAsync(Report, ct);
        return Page();
    }

    public IReadOnlyList<AnomalyFlag> FlagsOf(AnomalyKind kind) => Report?.Flags.Where(f => f.Kind == kind).ToList() ?? [];

    /// <summary>The period in words: "1 Januari 2025 – 31 Desember 2025", or the whole history.</summary>
    public string WindowText(Microsoft.Extensions.Localization.IStringLocalizer text) => (Window.From, Window.To) switch
    {
        (null, null) => text["AnomalyWholeHistory"],
        var (f, t) => $"{(f is { } a ? Formats.Date(a) : "…")} – {(t is { } b ? Formats.Date(b) : "…")}",
    };

    public static string Detail(AnomalyFlag flag) => UiCulture.IsEnglish ? flag.Detail : flag.DetailIndonesian;

    public static string Anchor(AnomalyKind kind) => kind.ToWire();

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>An empty field is no limit; otherwise a day as <see cref="RegionPageModel.TryDay"/> reads it.</summary>
    private static bool TryOptionalDay(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!TryDay(text, out var parsed))
        {
            return false;
        }

        day = parsed;
        return true;
    }
}
