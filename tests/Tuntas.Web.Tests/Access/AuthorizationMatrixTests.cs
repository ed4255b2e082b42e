using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Access;
using Tuntas.Web.Tests.Pages;
using Xunit.Abstractions;

namespace Tuntas.Web.Tests.Access;

/// <summary>
/// Every endpoint the app really maps (read from its endpoint data source, not from a list kept
/// here) is classified in <see cref="EndpointAccess"/>, every entry of that table is mapped, and
/// every method of every endpoint (each page handler, GET and POST, and one method it does not
/// accept) answers each role as its rule says, about real records inside the caller's region and
/// outside it. SQLite only: what is checked is the app's routing, rules and handlers, which do not
/// depend on the provider, and the matrix is a few thousand requests.
/// </summary>
public partial class AuthorizationMatrixTests(ITestOutputHelper output)
{
    // The scopes nest: the operator's village lies in the facilitator's kecamatan, in the regency of
    // the verifier, agency officer and analyst, in the province.
    private static readonly (Role Role, string? Region, string? Programme)[] Callers =
    [
        (Role.Admin, null, null),
        (Role.Verifier, "64.74", null),
        (Role.Operator, "64.74.01.1001", null),
        (Role.Facilitator, "64.74.01", null),
        (Role.Agency, "64.74", "SEMBAKO"),
        (Role.Analyst, "64.74", null),
        (Role.Province, "64", null),
    ];

    // The records inside every caller's region, and those of another province, outside every region but the administrator's.
    private const string InVillage = "64.74.01.1001";
    private const string OutVillage = "63.71.01.1001";

    /// <summary>
    /// Handlers that refuse (404) some roles their endpoint's rule lets in, in the caller's own
    /// region, on purpose: key "METHOD route?handler".
    /// </summary>
    private static readonly Dictionary<string, Role[]> NarrowedByHandler = new(StringComparer.Ordinal)
    {
        // Only an administrator sets a region's target.
        ["POST /dasbor/{region?}?handler=Target"] = [Role.Verifier, Role.Operator, Role.Facilitator, Role.Agency, Role.Analyst, Role.Province],

        // Only the province consolidates the report packages of its kabupaten/kota.
        ["POST /laporan?handler=Upload"] = [Role.Verifier, Role.Analyst],

        // Dinas Sosial opens rounds, assigns their tasks and approves village meetings; operators and facilitators visit and record meetings.
        ["POST /verval"] = [Role.Operator, Role.Facilitator],
        ["POST /verval/{id:long}?handler=Assign"] = [Role.Operator, Role.Facilitator],
        ["POST /verval/{id:long}?handler=ApproveMeeting"] = [Role.Operator, Role.Facilitator],

        // Dinas Sosial opens update cycles, checks proposals and downloads them for SIKS-NG; PKH
        // facilitators (and Dinas Sosial) record groundchecks; analysts only read the cycle.
        ["POST /pemutakhiran"] = [Role.Operator, Role.Facilitator, Role.Analyst],
        ["GET /pemutakhiran/{id:long}?handler=Export"] = [Role.Operator, Role.Facilitator, Role.Analyst],
        ["POST /pemutakhiran/{id:long}?handler=Check"] = [Role.Operator, Role.Facilitator, Role.Analyst],
        ["POST /pemutakhiran/{id:long}?handler=Groundcheck"] = [Role.Operator, Role.Analyst],
        ["POST /pemutakhiran/{id:long}/desa/{village}?handler=Meeting"] = [Role.Analyst],
        ["POST /pemutakhiran/{id:long}/desa/{village}?handler=Proposal"] = [Role.Analyst],
        ["POST /pemutakhiran/{id:long}/desa/{village}?handler=Finish"] = [Role.Analyst],
    };

    /// <summary>What the administrator's forms about the records in the region write (audit actions).</summary>
    private static readonly string[] MustWrite =
        ["round.create", "meeting.record", "visit.approve", "proposal.usul", "delivery.record", "claim-audit.draw", "claim-audit.finding"];

    /// <summary>
    /// Handlers whose form names a record the matrix does not make (an upload being checked, a
    /// follow-up item, a graduation candidate): in the caller's region they answer 404 for it, as for
    /// any unknown record. Outside it they are still held to 404, and to writing nothing.
    /// </summary>
    private static readonly HashSet<string> AboutRecordsNotMade = new(StringComparer.Ordinal)
    {
        "POST /impor?handler=Confirm",
        "POST /impor?handler=Village",
        "POST /intervensi/tindak-lanjut?handler=Close",
        "POST /intervensi/siap-graduasi?handler=CreateTask",
    };

    [Fact]
    public async Task EveryEndpoint_IsClassified()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);

        var unclassified = Endpoints(app).Where(e => e.Class is null).Select(e => e.Describe()).ToList();

        Assert.True(unclassified.Count == 0,
            "Endpoints without an access rule in EndpointAccess.Endpoints (classify each):\n" + string.Join("\n", unclassified));
    }

    [Fact]
    public async Task EveryClassifiedRoute_IsMapped()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);
        var mapped = Endpoints(app).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);

        var stale = EndpointAccess.Endpoints.Keys.Where(k => !mapped.Contains(k)).Select(k => "/" + k).ToList();

        Assert.True(stale.Count == 0, "Routes in EndpointAccess.Endpoints that the app no longer maps (remove each):\n" + string.Join("\n", stale));
    }

    [Fact]
    public async Task EveryEndpointAndMethod_AnswersEachRoleAsItsRuleSays_AboutRecordsInAndOutOfScope()
    {
        var clock = Stopwatch.StartNew();
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite, withFamilies: false);

        // Every request comes from one test address: the per-address limits would answer 429 long
        // before the matrix is through, so they are raised here (they have their own tests).
        app.Settings["Tuntas:Limits:BadTokens"] = "1000000";
        app.Settings["Tuntas:Limits:PublicStats"] = "1000000";
        app.Settings["Tuntas:Limits:SignIn"] = "1000000";
        var inside = await ScopedRecords.CreateAsync(app, InVillage, ("6474010101200011", "6474011708850012"), ("6474010101200013", "6474011708850014"));
        var outside = await ScopedRecords.CreateAsync(app, OutVillage, ("6371010101200021", "6371011708850022"), ("6371010101200023", "6371011708850024"));
        long lastSeeded;
        await using (var db = app.CreateDbContext())
        {
            lastSeeded = await db.AuditEntries.MaxAsync(e => e.Sequence);
        }

        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true };
        var anonymous = app.CreateClient(options);
        var badToken = app.CreateClient(options);
        badToken.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "tnt_this-token-was-never-issued");
        var callers = new List<Caller>();
        foreach (var (role, region, programme) in Callers)
        {
            var name = $"m-{role.ToWire()}";
            var token = await app.CreateUserAndTokenAsync(name, role, region, programme);
            var api = app.CreateClient(options);
            api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var session = new PageSession(app.CreateClient(options));
            var signedIn = await session.LoginAsync(name, TuntasWebFactory.Password);
            Assert.True((int)signedIn.StatusCode == 302, $"{name} could not sign in: {(int)signedIn.StatusCode}");
            callers.Add(new Caller(role, region, name, api, session, await session.AntiforgeryTokenAsync($"/wilayah/{region ?? "64"}")));
        }

        // An operator of its own: each caller's POST to /akun/odk replaces that caller's ODK token.
        await app.CreateUserAndTokenAsync("m-odk", Role.Operator, InVillage);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var odk = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().CreateAsync("m-odk", TimeSpan.FromDays(1), "test", odk: true);
            Assert.True(odk.Succeeded, odk.Error?.English);
            inside = inside with { OdkToken = odk.Value! };
        }

        var endpoints = Endpoints(app).Where(e => e.Class is not null)
            .OrderBy(e => e.Key switch { "keluar" => 2, "akun/2fa" => 1, _ => 0 })
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        Assert.True(endpoints.Count > 30, $"Only {endpoints.Count} classified endpoints were found.");

        var failures = new List<string>();
        var requests = 0;
        async Task SendAsync(HttpClient client, string who, Operation op, ScopedRecords about, ScopedRecords? form, string? token, Expect expected)
        {
            var url = op.Url(about);
            using var request = new HttpRequestMessage(new HttpMethod(op.Method), url);
            if (op.Method == "POST")
            {
                var fields = form is null ? [] : FormFields(form, op.Key);
                if (token is not null)
                {
                    fields.Add(new("__RequestVerificationToken", token));
                }

                request.Content = new FormUrlEncodedContent(fields);
            }

            requests++;
            using var response = await client.SendAsync(request);
            Check(failures, who, op.Method, url + (form is not null && form != about ? " (form about " + form.Village + ")" : string.Empty), response, expected);
        }

        foreach (var endpoint in endpoints)
        {
            var rule = endpoint.Class!.Rule;
            foreach (var op in endpoint.Operations())
            {
                var anonymousExpects = !op.Accepted ? Expect.NotAccepted
                    : rule.IsPublic ? (op.Method == "GET" && op.Handler is null ? Expect.Success : Expect.NoServerError)
                    : endpoint.IsApi ? Expect.Unauthorized : Expect.SignIn;
                await SendAsync(anonymous, "anonymous", op, inside, inside, null, anonymousExpects);
                if (!rule.IsPublic)
                {
                    await SendAsync(badToken, "bad token", op, inside, inside, null, op.Accepted ? Expect.Unauthorized : Expect.NotAccepted);
                }

                foreach (var caller in callers)
                {
                    var client = endpoint.IsApi ? caller.Api : caller.Session.Client;
                    var token = endpoint.IsApi ? null : caller.Token;
                    var narrowed = NarrowedByHandler.TryGetValue(op.Key, out var roles) && roles.Contains(caller.Role);
                    var allowed = rule.Allows(caller.Role) && !narrowed;
                    var expectIn = !op.Accepted ? Expect.NotAccepted
                        : !allowed ? Expect.NotFound
                        : rule.IsPublic ? (op.Method == "GET" && op.Handler is null ? Expect.Success : Expect.NoServerError)
                        : op.Key == "POST /keluar" ? Expect.SignIn
                        : AboutRecordsNotMade.Contains(op.Key) ? Expect.NoServerError
                        : op.Method == "POST" ? Expect.Handled
                        : op.Handler is null ? Expect.Success
                        : Expect.NoServerError;
                    await SendAsync(client, caller.Who, op, inside, inside, token, expectIn);

                    // A page read with the API token instead of a session answers the same.
                    var byToken = !endpoint.IsApi && op is { Method: "GET", Handler: null, Accepted: true };
                    if (byToken)
                    {
                        await SendAsync(caller.Api, caller.Who + " by token", op, inside, null, null, expectIn);
                    }

                    // Outside the caller's region: the record (or region) of the route, and, on a
                    // form, records of the other region named in a form about the caller's own.
                    if (caller.Region is null || rule.IsPublic)
                    {
                        continue;
                    }

                    if (endpoint.Class.ScopedBy is not null)
                    {
                        await SendAsync(client, caller.Who, op, outside, outside, token, op.Accepted ? Expect.NotFound : Expect.NotAccepted);
                        if (byToken)
                        {
                            await SendAsync(caller.Api, caller.Who + " by token", op, outside, null, null, Expect.NotFound);
                        }
                    }

                    if (op.Method == "POST" && op.Accepted && allowed)
                    {
                        await SendAsync(client, caller.Who, op, inside, outside, token, Expect.NoServerError);
                    }
                }
            }
        }

        // No request of a caller whose region does not hold the other province's records changed any of them.
        await using (var db = app.CreateDbContext())
        {
            var writes = await db.AuditEntries.Where(e => e.Sequence > lastSeeded).ToListAsync();

            // The forms are complete enough to write: the administrator's, about the records in
            // the region, did; the same forms about the other province must then be refused by scope.
            var written = writes.Where(e => e.Actor == "m-admin").Select(e => e.Action).ToHashSet(StringComparer.Ordinal);
            var unwritten = MustWrite.Where(a => !written.Contains(a)).ToList();
            Assert.True(unwritten.Count == 0, "The administrator's forms in the region wrote no " + string.Join(", ", unwritten));
            writes = writes.Where(e => e.Actor != "m-admin").ToList();
            failures.AddRange(writes.Where(e => e.Region is { } r && r.StartsWith("63.", StringComparison.Ordinal))
                .Select(e => $"{e.Actor} changed a record outside their region: {e.Action} {e.EntityType} {e.EntityKey} in {e.Region}"));
        }

        output.WriteLine($"{requests} requests in {clock.Elapsed.TotalSeconds:0.0} s, records made included.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {requests} answers differ from the access rules:\n" + string.Join("\n", failures));
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(2), $"The matrix took {clock.Elapsed} for {requests} requests.");
    }

    private sealed record Caller(Role Role, string? Region, string Name, HttpClient Api, PageSession Session, string Token)
    {
        public string Who => $"{Role.ToWire()} of {Region ?? "the country"}";
    }

    /// <summary>
    /// What a form of any handler may name besides the route: records of one region, and a filled-in
    /// form of each kind (a round, an usul, a delivery, a claim-audit draw) about that region.
    /// </summary>
    private static List<KeyValuePair<string, string>> FormFields(ScopedRecords records, string operation)
    {
        var today = Tuntas.Domain.Regions.RegionClock.DayAt(DateTime.UtcNow);
        string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
        return
        [
            new("task", Number(records.TaskId)),
            new("meeting", Number(records.MeetingId)),
            new("proposal", Number(records.CycleProposalId)),
            new("household", Number(records.HouseholdId)),
            new("noKk", records.SampledNoKk),
            new("desa", records.Village),
            new("version", Number(records.VersionFor(operation))),
            new("Input.Region", records.Village[..5]),
            new("Input.Name", "Putaran matriks"),
            new("Input.Start", Day(today)),
            new("Input.End", Day(today.AddDays(30))),
            new("Input.Village", records.Village),
            new("Input.NoKk", records.NoKk),
            new("Input.Kind", "Usul"),
            new("Input.Description", "Keluarga baru, rumah papan."),
            new("Input.ProposerName", "Warga"),
            new("Input.Programme", "SEMBAKO"),
            new("Input.Date", Day(today.AddDays(-1))),
            new("Draw.Status", "graduated"),
            new("Draw.From", Day(today.AddDays(-1))),
            new("Draw.To", Day(today)),
            new("Draw.Size", "1"),
            new("input.HeldOn", Day(today)),
            new("input.Attendance", "10"),
            new("finding", "confirmed"),
            new("checkedOn", Day(today)),
        ];
    }

    private enum Expect
    {
        /// <summary>2xx, or a redirect that is not to the sign-in page.</summary>
        Success,

        /// <summary>A redirect to the sign-in page.</summary>
        SignIn,

        Unauthorized,
        NotFound,

        /// <summary>Reached its handler: anything but 404, 5xx or the sign-in page (400 or a form shown again with its reason is fine).</summary>
        Handled,

        NoServerError,

        /// <summary>A method the endpoint does not accept: neither 2xx nor 5xx.</summary>
        NotAccepted,
    }

    private static void Check(List<string> failures, string who, string method, string url, HttpResponseMessage response, Expect expected)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? string.Empty;
        var toSignIn = status == 302 && location.Contains("/masuk", StringComparison.Ordinal);
        var ok = expected switch
        {
            Expect.Success => status is >= 200 and < 300 || (status is 302 && !toSignIn),
            Expect.SignIn => toSignIn,
            Expect.Unauthorized => status == 401,
            Expect.NotFound => status == 404,
            Expect.Handled => status is not 404 and < 500 && !toSignIn,
            Expect.NoServerError => status < 500,
            Expect.NotAccepted => status is (< 200 or >= 300) and < 500,
            _ => false,
        };
        if (!ok)
        {
            failures.Add($"{who}: {method} {url} answered {status}{(location.Length > 0 ? " → " + location : string.Empty)}, expected {expected}");
        }
    }

    private static List<MappedEndpoint> Endpoints(TuntasWebFactory app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => new MappedEndpoint(e.RoutePattern, e.Metadata.GetMetadata<EndpointClass>(),
                e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [],
                e.Metadata.GetMetadata<PageActionDescriptor>() is { } page ? PageModelOf(page) : null))
            .GroupBy(e => e.Key)
            .Select(g => g.First())
            .OrderBy(e => e.Key, StringComparer.Ordinal)
            .ToList();

    /// <summary>The model class of a page, by the convention the app follows (Pages/Verification/Round → Tuntas.Web.Pages.Verification.RoundModel).</summary>
    private static Type PageModelOf(PageActionDescriptor page)
    {
        var name = "Tuntas.Web.Pages" + page.ViewEnginePath.Replace('/', '.') + "Model";
        return typeof(EndpointAccess).Assembly.GetType(name) ?? throw new InvalidOperationException($"No page model {name} for {page.ViewEnginePath}.");
    }

    private sealed record Operation(MappedEndpoint Endpoint, string Method, string? Handler, bool Accepted)
    {
        public string Key => $"{Method} /{Endpoint.Key}{(Handler is null ? string.Empty : "?handler=" + Handler)}";

        public string Url(ScopedRecords records)
        {
            var url = Endpoint.Url(records);
            return Handler is null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + Handler;
        }
    }

    private sealed partial record MappedEndpoint(RoutePattern Pattern, EndpointClass? Class, IReadOnlyList<string> Methods, Type? PageModel)
    {
        public string Key => EndpointAccess.KeyOf(Pattern);

        public bool IsApi => Key.StartsWith("api/", StringComparison.Ordinal);

        public string Describe() => $"{(Methods.Count == 0 ? "*" : string.Join(",", Methods))} /{Key}";

        /// <summary>
        /// Every method the endpoint accepts (a page: GET and POST, each of its named handlers), and
        /// one it does not (DELETE).
        /// </summary>
        public IEnumerable<Operation> Operations()
        {
            if (PageModel is null)
            {
                foreach (var method in Methods)
                {
                    yield return new Operation(this, method, null, true);
                }
            }
            else
            {
                var handlers = PageModel.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                    .Select(m => PageHandler().Match(m.Name))
                    .Where(m => m.Success)
                    .Select(m => (Method: m.Groups[1].Value.ToUpperInvariant(), Name: m.Groups[2].Value))
                    .Distinct()
                    .OrderBy(h => h.Method, StringComparer.Ordinal).ThenBy(h => h.Name, StringComparer.Ordinal)
                    .ToList();
                if (!handlers.Contains(("GET", string.Empty)))
                {
                    // A page without OnGet still renders on GET.
                    handlers.Insert(0, ("GET", string.Empty));
                }

                foreach (var (method, name) in handlers)
                {
                    yield return new Operation(this, method, name.Length == 0 ? null : name, true);
                }
            }

            yield return new Operation(this, "DELETE", null, false);
        }

        /// <summary>The pattern with every parameter filled from the records of one region.</summary>
        public string Url(ScopedRecords records)
        {
            var path = new StringBuilder();
            foreach (var segment in Pattern.PathSegments)
            {
                path.Append('/');
                foreach (var part in segment.Parts)
                {
                    path.Append(part switch
                    {
                        RoutePatternLiteralPart literal => literal.Content,
                        RoutePatternSeparatorPart separator => separator.Content,
                        RoutePatternParameterPart parameter => Value(parameter.Name, records),
                        _ => string.Empty,
                    });
                }
            }

            if (path.Length == 0)
            {
                path.Append('/');
            }

            var scopedBy = Class?.ScopedBy;
            if (scopedBy is not null && Pattern.GetParameter(scopedBy) is null)
            {
                path.Append('?').Append(scopedBy).Append('=').Append(Value(scopedBy, records));
            }

            // The Program Bantuan file for OpenSID is about one programme: the agency officer's own.
            if (Key == "dasbor/{region}/opensid/bantuan")
            {
                path.Append("?programme=SEMBAKO");
            }

            return path.ToString();
        }

        private string Value(string parameter, ScopedRecords records) => parameter switch
        {
            "noKk" => records.NoKk,
            "id" => records.IdFor(Key).ToString(CultureInfo.InvariantCulture),
            "culture" => "id",
            "format" => "csv",
            "documentName" => "v1",
            "token" => records.OdkToken,
            _ => records.Village,
        };

        [GeneratedRegex("^On(Get|Post)([A-Za-z]*?)(?:Async)?$")]
        private static partial Regex PageHandler();
    }
}
