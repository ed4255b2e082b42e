using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;
using Microsoft.Net.Http.Headers;
using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Access;
using Tuntas.Web.Common;
using Tuntas.Web.Import;

namespace Tuntas.Web.Verification.Odk;

/// <summary>
/// The OpenRosa server ODK Collect and KoboCollect talk to, under <c>/odk/{token}</c> (the way ODK
/// Central's app users work): the form list, the visit form, its manifest with the households CSV of
/// the token owner's open visit tasks, and the submission URL. The token in the path is the only
/// credential: a signed-in cookie or an API token plays no part, so nobody reaches these as someone
/// else. A submission becomes the same visit, in the same review queue, as the web form makes.
/// </summary>
public static class OdkEndpoints
{
    public const string VersionHeader = "X-OpenRosa-Version";

    public const string AcceptLengthHeader = "X-OpenRosa-Accept-Content-Length";

    /// <summary>What Collect is told to send at most in one post; larger submissions come in several posts.</summary>
    public const long AcceptContentLength = 20L * 1024 * 1024;

    private const int MaxXmlBytes = 1024 * 1024;

    private static readonly XNamespace FormListNs = "http://openrosa.org/xforms/xformsList";
    private static readonly XNamespace ManifestNs = "http://openrosa.org/xforms/xformsManifest";
    private static readonly XNamespace ResponseNs = "http://openrosa.org/http/response";

    /// <summary>Every answer under <c>/odk</c>, errors included, says it is OpenRosa 1.0 and when it was made.</summary>
    public static IApplicationBuilder UseOpenRosaHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.StartsWithSegments("/odk"))
        {
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[VersionHeader] = "1.0";
                context.Response.Headers.Date = DateTimeOffset.UtcNow.ToString("R", CultureInfo.InvariantCulture);
                context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
        }

        return next(context);
    });

    public static IEndpointRouteBuilder MapOdkEndpoints(this IEndpointRouteBuilder app)
    {
        var odk = app.MapGroup("/odk/{token}");
        odk.MapGet("/formList", FormListAsync);
        odk.MapGet("/form.xml", FormAsync);
        odk.MapGet("/manifest", ManifestAsync);
        odk.MapGet("/" + VisitXForm.MediaFile, HouseholdsAsync);

        // HEAD is what Collect asks before it sends; GET answers the same, for a person checking the URL.
        odk.MapMethods("/submission", [HttpMethods.Head, HttpMethods.Get], async (string token, HttpContext http, ApiTokens tokens, UploadStore uploads, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        {
            if (await OwnerAsync(token, tokens, ct) is not { } user)
            {
                return Refuse(StatusCodes.Status401Unauthorized, text["OdkTokenUnknown"]);
            }

            http.Response.Headers[AcceptLengthHeader] = AcceptLength(uploads).ToString(CultureInfo.InvariantCulture);
            return MayVisit(user) ? Results.NoContent() : Refuse(StatusCodes.Status403Forbidden, text["OdkRoleCannotVisit"]);
        });
        odk.MapPost("/submission", SubmitAsync).DisableAntiforgery();
        return app;
    }

    /// <summary>
    /// What Collect is told to send at most in one post: <see cref="AcceptContentLength"/>, or less when the
    /// upload limit (<c>Tuntas:Uploads:MaxMegabytes</c>) is lower, with room for the form and the multipart framing.
    /// </summary>
    public static long AcceptLength(UploadStore uploads) => Math.Min(AcceptContentLength, uploads.LimitBytes - (uploads.LimitBytes / 8));

    /// <summary>The address Collect is configured with: <c>{base}/odk/{token}</c>.</summary>
    public static string ServerUrl(HttpRequest request, string token) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/odk/{Uri.EscapeDataString(token)}";

    private static async Task<TuntasUser?> OwnerAsync(string token, ApiTokens tokens, CancellationToken ct) =>
        await tokens.FindOdkUserAsync(token, ct);

    private static bool MayVisit(TuntasUser user) => VervalAccess.MayVisit(user.Role);

    private static async Task<IResult> FormListAsync(string token, HttpContext http, ApiTokens tokens, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (await AllowedAsync(token, tokens, text, ct) is { Refusal: { } refusal })
        {
            return refusal;
        }

        var server = ServerUrl(http.Request, token);
        var list = new XElement(FormListNs + "xforms",
            new XElement(FormListNs + "xform",
                new XElement(FormListNs + "formID", VisitXForm.FormId),
                new XElement(FormListNs + "name", VisitXForm.Title),
                new XElement(FormListNs + "version", VisitXForm.Version),
                new XElement(FormListNs + "hash", VisitXForm.Md5(VisitXForm.Bytes)),
                new XElement(FormListNs + "descriptionText", "Kunjungan lapangan verifikasi keluarga miskin ekstrem"),
                new XElement(FormListNs + "downloadUrl", server + "/form.xml"),
                new XElement(FormListNs + "manifestUrl", server + "/manifest")));
        return Xml(StatusCodes.Status200OK, list);
    }

    private static async Task<IResult> FormAsync(string token, ApiTokens tokens, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        await AllowedAsync(token, tokens, text, ct) is { Refusal: { } refusal }
            ? refusal
            : Results.Bytes(VisitXForm.Bytes, "text/xml; charset=utf-8", VisitXForm.FormId + ".xml");

    private static async Task<IResult> ManifestAsync(string token, HttpContext http, ApiTokens tokens, VervalQueries queries, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var (user, refusal) = await AllowedAsync(token, tokens, text, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var csv = await HouseholdsCsvAsync(user!, queries, ct);
        var manifest = new XElement(ManifestNs + "manifest",
            new XElement(ManifestNs + "mediaFile",
                new XElement(ManifestNs + "filename", VisitXForm.MediaFile),
                new XElement(ManifestNs + "hash", VisitXForm.Md5(csv)),
                new XElement(ManifestNs + "downloadUrl", ServerUrl(http.Request, token) + "/" + VisitXForm.MediaFile)));
        return Xml(StatusCodes.Status200OK, manifest);
    }

    private static async Task<IResult> HouseholdsAsync(string token, HttpContext http, ApiTokens tokens, VervalQueries queries, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var (user, refusal) = await AllowedAsync(token, tokens, text, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        // The list names the heads of the user's open tasks: recorded under the token's user, never the token.
        var (csv, count) = await HouseholdsCsvWithCountAsync(user!, queries, ct);
        http.PersonalData().ShownTo(user!.UserName!, user.Role.ToWire(), user.Scope.Region?.Value).Describe(subject: VisitXForm.MediaFile, count: count);
        return Results.Bytes(csv, "text/csv; charset=utf-8", VisitXForm.MediaFile);
    }

    /// <summary>
    /// The households of the owner's open visit tasks, in the owner's region (an operator's desa, a
    /// facilitator's kecamatan): <c>name</c> = the No. KK (the value the form keeps), <c>label</c> = the
    /// head's name and the address (what the operator also sees on the task list), <c>task</c> = the task.
    /// </summary>
    private static async Task<byte[]> HouseholdsCsvAsync(TuntasUser user, VervalQueries queries, CancellationToken ct) =>
        (await HouseholdsCsvWithCountAsync(user, queries, ct)).Csv;

    private static async Task<(byte[] Csv, int Count)> HouseholdsCsvWithCountAsync(TuntasUser user, VervalQueries queries, CancellationToken ct)
    {
        var mine = user.Role is Domain.Access.Role.Operator or Domain.Access.Role.Facilitator ? user.UserName : null;
        var tasks = await queries.VisitableTasksAsync(user.Scope, mine, 5000, ct);
        var csv = new StringBuilder("name,label,task\n");
        foreach (var t in tasks)
        {
            var label = string.Join(" · ", new[] { t.NoKk, t.HeadName, t.Address, t.VillageName }.Where(p => !string.IsNullOrWhiteSpace(p)));
            csv.Append(t.NoKk).Append(',').Append(Csv(label)).Append(',').Append(t.TaskId.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return (new UTF8Encoding(false).GetBytes(csv.ToString()), tasks.Count);
    }

    private static string Csv(string value)
    {
        value = value.Replace('\r', ' ').Replace('\n', ' ');
        return value.IndexOfAny([',', '"']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static async Task<(TuntasUser? User, IResult? Refusal)> AllowedAsync(string token, ApiTokens tokens, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (await OwnerAsync(token, tokens, ct) is not { } user)
        {
            return (null, Refuse(StatusCodes.Status401Unauthorized, text["OdkTokenUnknown"]));
        }

        return MayVisit(user) ? (user, null) : (null, Refuse(StatusCodes.Status403Forbidden, text["OdkRoleCannotVisit"]));
    }

    /// <summary>One post of a submission, as read from the multipart body.</summary>
    private sealed record Post(byte[]? Xml, bool Incomplete, Dictionary<string, byte[]> Files);

    private static async Task<IResult> SubmitAsync(
        string token, HttpContext http, ApiTokens tokens, SubmitVisit submit, VervalQueries queries, EvidenceStore store, IConfiguration configuration,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var (user, refusal) = await AllowedAsync(token, tokens, text, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        var (post, unreadable) = await ReadAsync(http.Request, text, ct);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (post!.Xml is not { } xml)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["OdkXmlMissing"]);
        }

        var (instance, problem) = VisitInstance.Parse(xml);
        if (instance is null)
        {
            return Refuse(StatusCodes.Status400BadRequest, text[problem!.Key, problem.Arguments]);
        }

        // A large submission comes in several posts: all but the last say *isIncomplete*; their files wait.
        var parts = new PendingParts(configuration, user!.Id, instance.InstanceId);
        if (post.Incomplete)
        {
            await parts.KeepAsync(post.Files, ct);
            return Answer(StatusCodes.Status201Created, "submit_success", text["OdkPartReceived"]);
        }

        var files = await parts.TakeAsync(post.Files, ct);
        try
        {
            return await StoreAsync(user, instance, xml, files, submit, queries, store, text, ct);
        }
        finally
        {
            parts.Forget();
        }
    }

    private static async Task<IResult> StoreAsync(
        TuntasUser user, VisitInstance instance, byte[] xml, Dictionary<string, byte[]> files, SubmitVisit submit, VervalQueries queries, EvidenceStore store,
        IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var submission = new ClientSubmission(instance.InstanceId, Convert.ToHexStringLower(SHA256.HashData(xml)));
        var visitor = user.UserName!;
        if (await RepeatAsync(submit, submission, visitor, text, ct) is { } repeat)
        {
            return repeat;
        }

        var noKk = NomorKk.Parse(instance.NoKk);
        if (!noKk.IsValid)
        {
            return Refuse(StatusCodes.Status403Forbidden, text["OdkHouseholdNotYours", instance.NoKk]);
        }

        var open = await queries.VisitableTasksAsync(user.Scope, null, 50, ct, noKk.Value);
        var task = open.FirstOrDefault(t => t.TaskId == instance.TaskId) ?? open.FirstOrDefault();
        if (task is null)
        {
            return await queries.HouseholdInScopeAsync(user.Scope, noKk.Value!, ct)
                ? Refuse(StatusCodes.Status409Conflict, text["OdkNoOpenTask", instance.NoKk])
                : Refuse(StatusCodes.Status403Forbidden, text["OdkHouseholdNotYours", instance.NoKk]);
        }

        if (instance.Photos.FirstOrDefault(p => !files.ContainsKey(p)) is { } missing)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["OdkPhotoMissing", missing]);
        }

        if (instance.Photos.Count > EvidenceStore.MaxFiles)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["EvidenceTooMany", EvidenceStore.MaxFiles]);
        }

        if (instance.Report.Recommendation is { } wanted && wanted.IsExit() && instance.Photos.Count == 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, text["ExitNeedsEvidence"]);
        }

        var evidence = new List<EvidenceFile>();
        foreach (var name in instance.Photos)
        {
            var (saved, error) = await store.SaveAsync(files[name], name, ct);
            if (saved is null)
            {
                store.Delete(evidence);
                return Refuse(StatusCodes.Status400BadRequest, text[error!, name]);
            }

            evidence.Add(saved);
        }

        var result = await submit.SubmitAsync(user.Scope, task.TaskId, task.Version, instance.ReportReceivedAt(DateTime.UtcNow), evidence, visitor, submission, ct);
        if (result.Value is { Repeated: false })
        {
            return Answer(StatusCodes.Status201Created, "submit_success", text["OdkReceived"]);
        }

        // Nothing new was kept: the files stored for it go.
        store.Delete(evidence);
        return result.Error switch
        {
            null => Answer(StatusCodes.Status202Accepted, "submit_success", text["OdkAlreadyReceived"]),
            WriteError.Conflict => await RepeatAsync(submit, submission, visitor, text, ct) ?? Refuse(StatusCodes.Status409Conflict, text["OdkNoOpenTask", instance.NoKk]),
            WriteError.NotFound => Refuse(StatusCodes.Status403Forbidden, text["OdkHouseholdNotYours", instance.NoKk]),
            { } error => Refuse(StatusCodes.Status400BadRequest, error.Words(text)),
        };
    }

    /// <summary>The answer to a submission id already stored: accepted again for the same content, a conflict for other content.</summary>
    private static async Task<IResult?> RepeatAsync(SubmitVisit submit, ClientSubmission submission, string visitor, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
        await submit.SeenAsync(submission, visitor, ct) switch
        {
            SubmissionSeen.New => null,
            SubmissionSeen.Repeat => Answer(StatusCodes.Status202Accepted, "submit_success", text["OdkAlreadyReceived"]),
            _ => Refuse(StatusCodes.Status409Conflict, text["OdkSubmissionConflict"]),
        };

    /// <summary>Reads the multipart body; a body that is not multipart, or ends before its last boundary, is refused with 400.</summary>
    private static async Task<(Post? Post, IResult? Refusal)> ReadAsync(HttpRequest request, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, text["OdkNotMultipart"]));
        }

        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        byte[]? xml = null;
        var incomplete = false;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? string.Empty;
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                var limit = name == "xml_submission_file" ? MaxXmlBytes : EvidenceStore.MaxBytes;
                var bytes = await ReadLimitedAsync(section.Body, limit, ct);
                if (bytes is null)
                {
                    return (null, Refuse(StatusCodes.Status413PayloadTooLarge, text["EvidenceSize", fileName ?? name]));
                }

                if (name == "xml_submission_file")
                {
                    xml = bytes;
                }
                else if (name == "*isIncomplete*")
                {
                    incomplete = Encoding.UTF8.GetString(bytes).Trim().Equals("yes", StringComparison.OrdinalIgnoreCase);
                }
                else if (!string.IsNullOrEmpty(fileName))
                {
                    if (fileName.Length > 100 || files.Count >= 20)
                    {
                        return (null, Refuse(StatusCodes.Status400BadRequest, text["OdkTooManyParts"]));
                    }

                    files[fileName] = bytes;
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException || e is BadHttpRequestException { StatusCode: not StatusCodes.Status413PayloadTooLarge })
        {
            return (null, Refuse(StatusCodes.Status400BadRequest, text["OdkTruncated"]));
        }

        return (new Post(xml, incomplete, files), null);
    }

    private static async Task<byte[]?> ReadLimitedAsync(Stream body, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static IResult Refuse(int status, string message) => Answer(status, "error", message);

    /// <summary>Writes an OpenRosa answer outside an endpoint (a body over the upload limit is refused before one runs).</summary>
    public static async Task WriteAnswerAsync(HttpContext context, int status, string nature, string message)
    {
        var root = new XElement(ResponseNs + "OpenRosaResponse", new XElement(ResponseNs + "message", new XAttribute("nature", nature), message));
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml; charset=utf-8";
        await context.Response.WriteAsync(XmlText(root), Encoding.UTF8);
    }

    private static IResult Answer(int status, string nature, string message) =>
        Xml(status, new XElement(ResponseNs + "OpenRosaResponse", new XElement(ResponseNs + "message", new XAttribute("nature", nature), message)));

    private static IResult Xml(int status, XElement root) => Results.Text(XmlText(root), "text/xml; charset=utf-8", Encoding.UTF8, status);

    private static string XmlText(XElement root) =>
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Declaration + "\n" + root.ToString(SaveOptions.DisableFormatting);
}
