using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using Tuntas.Domain.Access;

namespace Tuntas.Web.Access;

/// <summary>
/// Who may reach an endpoint at all: anyone (<see cref="IsPublic"/>) or signed-in callers of the
/// listed roles. Enforced as an authorization policy of the same name; a signed-in caller of another
/// role gets 404, as for a record outside their region (contracts §6). The handlers still narrow
/// every read to the caller's region and may refuse particular actions (a POST) to fewer roles.
/// </summary>
public sealed record AccessRule(string Name, bool IsPublic, IReadOnlySet<Role> Roles)
{
    public bool Allows(Role role) => IsPublic || Roles.Contains(role);

    public override string ToString() => Name;
}

/// <summary>
/// One endpoint's classification: its access rule and, when the endpoint is about one region or one
/// household, the route or query parameter naming it (<see cref="ScopedBy"/>): a value outside the
/// caller's region answers 404.
/// </summary>
public sealed record EndpointClass(AccessRule Rule, string? ScopedBy = null);

/// <summary>
/// The access rules, and every endpoint of the app classified by route pattern in one table. The
/// table is applied to the endpoints when they are built (<see cref="Apply"/>); an endpoint missing
/// from it is refused to everyone (fail closed) and fails the authorization-matrix test.
/// </summary>
public static class EndpointAccess
{
    private static readonly Role[] AllRoles = Enum.GetValues<Role>();

    public static readonly AccessRule Public = new("public", true, new HashSet<Role>());

    /// <summary>
    /// ODK Collect's endpoints under <c>/odk/{token}</c>: Collect cannot sign in with a cookie, so the
    /// credential is the ODK token in the path (as ODK Central's app users do). Open at this layer,
    /// and the handler (<c>OdkEndpoints</c>) answers 401 unless the path's token is an active ODK
    /// token of an enabled user, and acts as that user only: a cookie session or an API token is
    /// ignored, so nobody reaches these endpoints as someone else.
    /// </summary>
    public static readonly AccessRule OdkToken = new("odk-token", true, new HashSet<Role>());

    /// <summary>Any signed-in role; what is shown is narrowed to the caller's region.</summary>
    public static readonly AccessRule SignedIn = Rule("signed-in", AllRoles);

    /// <summary>Household-level data (names, NIKs masked per role): every role but the province, which sees aggregates only.</summary>
    public static readonly AccessRule Register = Rule("register", AllRoles.Where(r => r != Role.Province));

    /// <summary>Field verification: visits, rounds, usul/sanggah, their evidence.</summary>
    public static readonly AccessRule Verval = Rule("verval", Role.Operator, Role.Facilitator, Role.Verifier, Role.Admin);

    /// <summary>Dinas Sosial's review of visits.</summary>
    public static readonly AccessRule Review = Rule("review", Role.Verifier, Role.Admin);

    /// <summary>Recording a delivery by hand and reading its proof.</summary>
    public static readonly AccessRule RecordDelivery = Rule("record-delivery", Role.Agency, Role.Facilitator, Role.Operator, Role.Verifier, Role.Admin);

    /// <summary>Importing an agency's recipient list.</summary>
    public static readonly AccessRule ImportRecipients = Rule("import-recipients", Role.Agency, Role.Verifier, Role.Admin);

    /// <summary>Importing household files and their quarantine.</summary>
    public static readonly AccessRule ImportHouseholds = Rule("import-households", Role.Operator, Role.Verifier, Role.Admin);

    /// <summary>The audit trail of a region.</summary>
    public static readonly AccessRule AuditTrail = Rule("audit-trail", Role.Verifier, Role.Admin);

    /// <summary>Report packages: made by a kabupaten/kota, consolidated by the province.</summary>
    public static readonly AccessRule Reports = Rule("reports", Role.Verifier, Role.Analyst, Role.Province, Role.Admin);

    /// <summary>
    /// Anomaly flags on the claims of a region: Dinas Sosial, who verifies, and the analysts who
    /// check the figures. They name a No. KK (no names, no NIK), like the household lists analysts
    /// already see; the province sees aggregates only, and the people whose work is checked
    /// (operators, facilitators, agencies) do not see the checks.
    /// </summary>
    public static readonly AccessRule Anomalies = Rule("anomalies", Role.Verifier, Role.Analyst, Role.Admin);

    /// <summary>An authenticator app as a second sign-in step: the roles that change the register's outcome.</summary>
    public static readonly AccessRule TwoFactor = Rule("two-factor", Role.Verifier, Role.Admin);

    /// <summary>Claim audits: drawing samples and entering independent re-check findings (Dinas Sosial).</summary>
    public static readonly AccessRule ClaimAudit = Rule("claim-audit", Role.Verifier, Role.Admin);

    /// <summary>Administration: who read personal data.</summary>
    public static readonly AccessRule Admin = Rule("admin", Role.Admin);

    public static IReadOnlyList<AccessRule> Rules { get; } =
        [Public, OdkToken, SignedIn, Register, Verval, Review, RecordDelivery, ImportRecipients, ImportHouseholds, AuditTrail, Anomalies, ClaimAudit, Reports, TwoFactor, Admin];

    /// <summary>Every endpoint, by route pattern (as written, without the leading slash).</summary>
    public static IReadOnlyDictionary<string, EndpointClass> Endpoints { get; } = new Dictionary<string, EndpointClass>(StringComparer.Ordinal)
    {
        // Anyone.
        ["health"] = new(Public),
        ["openapi/{documentName}.json"] = new(Public),
        ["bahasa/{culture}"] = new(Public),
        ["templat/impor.{format}"] = new(Public),
        ["masuk"] = new(Public),
        ["masuk/2fa"] = new(Public),
        ["galat"] = new(Public),
        ["publik/{region}"] = new(Public, "region"),
        ["api/v1/public/stats"] = new(Public, "region"),

        // ODK Collect and KoboCollect: the token in the path is checked by the handler (see OdkToken).
        ["odk/{token}/formList"] = new(OdkToken),
        ["odk/{token}/form.xml"] = new(OdkToken),
        ["odk/{token}/manifest"] = new(OdkToken),
        ["odk/{token}/households.csv"] = new(OdkToken),
        ["odk/{token}/submission"] = new(OdkToken),

        // Signed in, any role.
        [""] = new(SignedIn),
        ["keluar"] = new(SignedIn),
        ["wilayah/{code?}"] = new(SignedIn, "code"),
        ["dasbor/{region?}"] = new(SignedIn, "region"),
        ["intervensi"] = new(SignedIn, "region"),
        ["intervensi/anggaran"] = new(SignedIn, "region"),
        ["api/v1/regions"] = new(SignedIn, "parent"),
        ["api/v1/stats"] = new(SignedIn, "region"),
        ["api/v1/dashboard"] = new(SignedIn, "region"),
        ["api/v1/gaps"] = new(SignedIn, "region"),

        // Household-level data: the province, which sees aggregates only, gets 404 on each of these,
        // pages and API alike.
        ["api/v1/households"] = new(Register, "region"),
        ["api/v1/households/{noKk}"] = new(Register, "noKk"),
        ["keluarga"] = new(Register, "region"),
        ["keluarga/{noKk}"] = new(Register, "noKk"),
        ["dasbor/{region}/keluarga"] = new(Register, "region"),
        ["intervensi/konvergensi"] = new(Register, "region"),
        ["intervensi/daftar-kerja"] = new(Register, "region"),
        ["intervensi/siap-graduasi"] = new(Register, "region"),
        ["intervensi/tindak-lanjut"] = new(Register),

        // Verification.
        ["tugas"] = new(Verval),
        ["tugas/{id:long}"] = new(Verval, "id"),
        ["verval"] = new(Verval),
        ["verval/{id:long}"] = new(Verval, "id"),
        ["usul"] = new(Verval),
        ["bukti/{id:long}"] = new(Verval, "id"),
        ["bukti/musyawarah/{id:long}"] = new(Verval, "id"),
        ["bukti/usul/{id:long}"] = new(Verval, "id"),
        ["pemeriksaan"] = new(Review),
        ["pemeriksaan/{id:long}"] = new(Review, "id"),

        // Interventions and imports.
        ["keluarga/{noKk}/penyaluran"] = new(RecordDelivery, "noKk"),
        ["bukti/penyaluran/{id:long}"] = new(RecordDelivery, "id"),
        ["intervensi/impor"] = new(ImportRecipients),
        ["impor"] = new(ImportHouseholds),
        ["impor/karantina"] = new(ImportHouseholds),

        // Oversight.
        ["jejak-audit"] = new(AuditTrail),
        ["audit-klaim/{region?}"] = new(ClaimAudit, "region"),
        ["audit-klaim/sampel/{id:long}"] = new(ClaimAudit, "id"),
        ["anomali"] = new(Anomalies, "region"),
        ["api/v1/anomalies"] = new(Anomalies, "region"),
        ["laporan"] = new(Reports, "region"),
        ["akun/2fa"] = new(TwoFactor),
        ["admin/akses-data"] = new(Admin),
        ["admin/pengguna"] = new(Admin),
    };

    /// <summary>The policy that refuses everyone: what an endpoint missing from the table gets.</summary>
    public const string UnclassifiedPolicy = "unclassified";

    /// <summary>The table key of a route pattern: its text without the leading slash.</summary>
    public static string KeyOf(RoutePattern pattern) => (pattern.RawText ?? string.Empty).TrimStart('/');

    public static EndpointClass? Classify(RoutePattern pattern) => Endpoints.GetValueOrDefault(KeyOf(pattern));

    /// <summary>Registers one authorization policy per rule, and the one that refuses everyone.</summary>
    public static void AddPolicies(AuthorizationOptions options)
    {
        foreach (var rule in Rules.Where(r => !r.IsPublic))
        {
            var wire = rule.Roles.Select(r => r.ToWire()).ToArray();
            options.AddPolicy(rule.Name, p => p.RequireAuthenticatedUser().RequireClaim(Caller.RoleClaim, wire));
        }

        options.AddPolicy(UnclassifiedPolicy, p => p.RequireAssertion(_ => false));
    }

    /// <summary>An endpoint convention: attaches the endpoint's class and its policy (or anonymous access).</summary>
    public static void Apply(EndpointBuilder endpoint)
    {
        if (endpoint is not RouteEndpointBuilder route)
        {
            return;
        }

        if (Classify(route.RoutePattern) is not { } found)
        {
            endpoint.Metadata.Add(new AuthorizeAttribute(UnclassifiedPolicy));
            return;
        }

        endpoint.Metadata.Add(found);
        endpoint.Metadata.Add(found.Rule.IsPublic ? new AllowAnonymousAttribute() : new AuthorizeAttribute(found.Rule.Name));
    }

    private static AccessRule Rule(string name, params IEnumerable<Role> roles) => new(name, false, roles.ToHashSet());
}
