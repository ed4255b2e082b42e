using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Web.Access;

/// <summary>
/// What an endpoint shows of people (a name, a NIK or a No. KK), declared with its access rule in
/// <see cref="EndpointAccess"/>: the <see cref="PersonalDataLog"/> action of a view, of a download
/// (a response sent as an attachment) and of a search.
/// </summary>
public sealed record PersonalDataUse(string View, string? Export = null, string? Search = null)
{
    public string ActionFor(bool download, bool searched) =>
        download && Export is not null ? Export : searched && Search is not null ? Search : View;
}

/// <summary>
/// The personal data one request showed, as its handler describes it: what (a list's filter, a file),
/// how many rows, in which region, and what was searched for. The handler only describes; the hook
/// (<see cref="PersonalDataHook"/>) writes the log.
/// </summary>
public sealed class PersonalDataShown
{
    public string? Subject { get; private set; }

    public int? Count { get; private set; }

    public string? Region { get; private set; }

    /// <summary>The kind of search and its value masked ("NIK/No. KK 6474**********01", "nama b****"), or null.</summary>
    public string? Searched { get; private set; }

    /// <summary>Who was shown the data, when it is not the signed-in caller (ODK Collect names its user by a token in the path).</summary>
    public (string UserName, string Role, string? Region)? Viewer { get; private set; }

    public PersonalDataShown ShownTo(string userName, string role, string? region)
    {
        Viewer = (userName, role, region);
        return this;
    }

    public PersonalDataShown Describe(string? subject = null, int? count = null, string? region = null)
    {
        Subject = subject ?? Subject;
        Count = count ?? Count;
        Region = region ?? Region;
        return this;
    }

    /// <summary>Notes a search by name, NIK or No. KK: its kind and a masked value, never the whole value.</summary>
    public PersonalDataShown Search(string? text)
    {
        var value = text?.Trim();
        if (!string.IsNullOrEmpty(value))
        {
            Searched = Mask(value);
        }

        return this;
    }

    internal static string Mask(string value) =>
        value.Length == 16 && value.All(char.IsAsciiDigit)
            ? "NIK/No. KK " + Nik.Mask(value)
            : value.All(c => char.IsAsciiDigit(c) || c is '.' or ' ')
                ? $"angka {value.Length} digit"
                : "nama " + value[0] + new string('*', value.Length - 1);
}

/// <summary>
/// The one place where views of personal data are recorded: for an endpoint that declares a
/// <see cref="PersonalDataUse"/>, every successful (2xx) answer to a signed-in caller leaves
/// exactly one <see cref="PersonalDataView"/>, written before the answer is sent (no record, no
/// data). Refused and failed answers record nothing.
/// </summary>
public static class PersonalDataHook
{
    /// <summary>The request's description, for its handler to enrich (a detached one where nothing is declared).</summary>
    public static PersonalDataShown PersonalData(this HttpContext context) =>
        context.Features.Get<PersonalDataShown>() ?? new PersonalDataShown();

    /// <summary>After authorization: records the views of the endpoints that declare one.</summary>
    public static IApplicationBuilder UsePersonalDataLog(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var declared = context.GetEndpoint()?.Metadata.GetMetadata<EndpointClass>();
        if (declared?.Shows is not { } use)
        {
            await next(context);
            return;
        }

        var shown = new PersonalDataShown();
        context.Features.Set(shown);
        context.Response.OnStarting(() => RecordAsync(context, declared, use, shown));
        await next(context);
    });

    private static async Task RecordAsync(HttpContext context, EndpointClass declared, PersonalDataUse use, PersonalDataShown shown)
    {
        var viewer = shown.Viewer ?? (Caller.From(context.User) is { } caller ? (caller.UserName, caller.Role.ToWire(), caller.Scope.Region?.Value) : null);
        if (context.Response.StatusCode is < 200 or > 299 || viewer is not var (userName, role, callerRegion))
        {
            return;
        }

        var download = context.Response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);
        var action = use.ActionFor(download, shown.Searched is not null);
        var subject = shown.Subject ?? DefaultSubject(context, declared);
        if (shown.Searched is { } searched)
        {
            subject = searched + (subject.Length > 0 ? " · " + subject : string.Empty);
        }

        var region = shown.Region ?? RegionAsked(context) ?? callerRegion;

        // Its own unit of work, so that nothing the handler left pending is saved with the view.
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PersonalDataLog>()
            .RecordAsync(userName, role, action, subject, region, shown.Count, context.RequestAborted);
    }

    /// <summary>The record an id-route names, else the filters of a list as asked (never the search text), else the path.</summary>
    private static string DefaultSubject(HttpContext context, EndpointClass declared)
    {
        if (declared.ScopedBy is { } name and not "region" and not "code" && context.Request.RouteValues[name] is { } value)
        {
            return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        var filters = context.Request.Query
            .Where(p => p.Key is not ("q" or "handler" or "__RequestVerificationToken"))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value}")
            .ToList();
        return filters.Count > 0 ? string.Join(" ", filters) : context.Request.Path.Value ?? string.Empty;
    }

    private static string? RegionAsked(HttpContext context)
    {
        var text = context.Request.RouteValues["region"] as string ?? context.Request.Query["region"].FirstOrDefault();
        return RegionCode.TryParse(text, out var region) ? region.Value : null;
    }
}
