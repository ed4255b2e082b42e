using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;
using Tuntas.Data.Access;
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
/// caller's region answers 404. <see cref="Shows"/>, when set, says that the endpoint shows a name,
/// NIK or No. KK, and under which action each answer is recorded in the personal-data log
/// (<see cref="PersonalDataHook"/>).
/// </summary>
public sealed record EndpointClass(AccessRule Rule, string? ScopedBy = null, PersonalDataUse? Shows = null);

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

    /// <summary>
    /// A village's extreme-poor families as an OpenSID Data Suplemen workbook: the people who keep the
    /// village's register (its operator, the kecamatan's facilitator, Dinas Sosial of the regency).
    /// </summary>
    public static readonly AccessRule OpenSidSuplemen = Rule("opensid-suplemen", Role.Operator, Role.Facilitator, Role.Verifier, Role.Admin);

    /// <summary>A programme's recipients in a village as an OpenSID Program Bantuan workbook: the same, and an agency officer for their own programme.</summary>
    public static readonly AccessRule OpenSidBantuan = Rule("opensid-bantuan", Role.Operator, Role.Facilitator, Role.Verifier, Role.Admin, Role.Agency);

    /// <summary>
    /// The monthly update cycle (pemutakhiran DTSEN): village operators and facilitators enter their
    /// villages' steps, Dinas Sosial opens cycles, checks and exports; analysts read.
    /// </summary>
    public static readonly AccessRule UpdateCycle = Rule("update-cycle", Role.Operator, Role.Facilitator, Role.Verifier, Role.Analyst, Role.Admin);

    /// <summary>Administration: who read personal data.</summary>
    public static readonly AccessRule Admin = Rule("admin", Role.Admin);

    public static IReadOnlyList<AccessRule> Rules { get; } =
        [Public, OdkToken, SignedIn, Register, Verval, Review, RecordDelivery, ImportRecipients, ImportHouseholds, AuditTrail, Anomalies, ClaimAudit, Reports, TwoFactor, OpenSidSuplemen, OpenSidBantuan, UpdateCycle, Admin];

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
        // The households CSV names the heads of the user's open tasks: recorded (Shows) under the
        // token's user, whom the handler names to the hook.
        ["odk/{token}/formList"] = new(OdkToken),
        ["odk/{token}/form.xml"] = new(OdkToken),
        ["odk/{token}/manifest"] = new(OdkToken),
        ["odk/{token}/households.csv"] = new(OdkToken, Shows: new(PersonalDataLog.OdkHouseholds)),
        ["odk/{token}/submission"] = new(OdkToken),

        // Signed in, any role: regions, figures and budgets, never a household (aggregates are not logged).
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
        // Each of them shows names, NIKs or No. KKs, so each answer is recorded (Shows).
        ["api/v1/households"] = new(Register, "region", new(PersonalDataLog.ListApi)),
        ["api/v1/households/{noKk}"] = new(Register, "noKk", new(PersonalDataLog.HouseholdApi)),
        ["keluarga"] = new(Register, "region", new(PersonalDataLog.RegisterPage, Search: PersonalDataLog.SearchPage)),
        ["keluarga/{noKk}"] = new(Register, "noKk", new(PersonalDataLog.HouseholdPage)),
        ["dasbor/{region}/keluarga"] = new(Register, "region", new(PersonalDataLog.ListPage, PersonalDataLog.ListExport)),
        ["intervensi/konvergensi"] = new(Register, "region", new(PersonalDataLog.ConvergencePage, PersonalDataLog.ConvergenceExport)),
        ["intervensi/daftar-kerja"] = new(Register, "region", new(PersonalDataLog.WorklistPage, PersonalDataLog.WorklistExport)),
        ["intervensi/siap-graduasi"] = new(Register, "region", new(PersonalDataLog.GraduationPage, PersonalDataLog.GraduationExport)),
        ["intervensi/tindak-lanjut"] = new(Register, Shows: new(PersonalDataLog.FollowUpPage)),

        // Files for the village's OpenSID: No. KKs (Data Suplemen), and NIKs, names and birth dates of
        // the heads (Program Bantuan). Always a download.
        ["dasbor/{region}/opensid/suplemen"] = new(OpenSidSuplemen, "region", new(PersonalDataLog.OpenSidSuplemenExport)),
        ["dasbor/{region}/opensid/bantuan"] = new(OpenSidBantuan, "region", new(PersonalDataLog.OpenSidBantuanExport)),

        // Verification.
        // The round list names rounds, regions and their authors only; everything else here names
        // households, and the evidence files are photos of them, their minutes and documents.
        ["tugas"] = new(Verval, Shows: new(PersonalDataLog.TasksPage)),
        ["tugas/{id:long}"] = new(Verval, "id", new(PersonalDataLog.VisitPage)),
        ["verval"] = new(Verval),
        ["verval/{id:long}"] = new(Verval, "id", new(PersonalDataLog.RoundPage)),
        ["usul"] = new(Verval, Shows: new(PersonalDataLog.ProposalsPage)),
        ["akun/odk"] = new(Verval),
        ["bukti/{id:long}"] = new(Verval, "id", new(PersonalDataLog.EvidenceFile)),
        ["bukti/musyawarah/{id:long}"] = new(Verval, "id", new(PersonalDataLog.EvidenceFile)),
        ["bukti/usul/{id:long}"] = new(Verval, "id", new(PersonalDataLog.EvidenceFile)),
        ["pemeriksaan"] = new(Review, Shows: new(PersonalDataLog.ReviewsPage)),
        ["pemeriksaan/{id:long}"] = new(Review, "id", new(PersonalDataLog.ReviewPage)),

        // The monthly update cycle: the list names cycles and regions only; a cycle and a village in
        // it list the proposed families (No. KK, NIK, name), and the berita acara is a document of them.
        ["pemutakhiran"] = new(UpdateCycle),
        ["pemutakhiran/{id:long}"] = new(UpdateCycle, "id", new(PersonalDataLog.CyclePage, PersonalDataLog.CycleExport)),
        ["pemutakhiran/{id:long}/desa/{village}"] = new(UpdateCycle, "id", new(PersonalDataLog.CycleVillagePage)),
        ["bukti/pemutakhiran/{id:long}"] = new(UpdateCycle, "id", new(PersonalDataLog.EvidenceFile)),

        // Interventions and imports.
        // An import's result lists its rows with NIKs and names, its rejected rows download too.
        ["keluarga/{noKk}/penyaluran"] = new(RecordDelivery, "noKk", new(PersonalDataLog.DeliveryPage)),
        ["bukti/penyaluran/{id:long}"] = new(RecordDelivery, "id", new(PersonalDataLog.EvidenceFile)),
        ["intervensi/impor"] = new(ImportRecipients, Shows: new(PersonalDataLog.RecipientsPage, PersonalDataLog.RecipientsExport)),
        ["desil"] = new(Review, Shows: new(PersonalDataLog.DesilPage, PersonalDataLog.DesilExport)),
        ["impor"] = new(ImportHouseholds, Shows: new(PersonalDataLog.ImportPage, PersonalDataLog.ImportExport)),
        ["impor/karantina"] = new(ImportHouseholds, Shows: new(PersonalDataLog.QuarantinePage, PersonalDataLog.QuarantineExport)),

        // Oversight.
        // The audit trail names households and shows changed values; the claim audits and anomaly
        // flags name households by No. KK, and so does the data-access report (who read which No. KK).
        // The report packages hold figures only, and user accounts are not the register.
        ["jejak-audit"] = new(AuditTrail, Shows: new(PersonalDataLog.AuditTrailPage)),
        ["audit-klaim/{region?}"] = new(ClaimAudit, "region", new(PersonalDataLog.ClaimAuditPage)),
        ["audit-klaim/sampel/{id:long}"] = new(ClaimAudit, "id", new(PersonalDataLog.SamplePage)),
        ["anomali"] = new(Anomalies, "region", new(PersonalDataLog.AnomaliesPage)),
        ["api/v1/anomalies"] = new(Anomalies, "region", new(PersonalDataLog.AnomaliesApi)),
        ["laporan"] = new(Reports, "region"),
        ["akun/2fa"] = new(TwoFactor),
        ["admin/akses-data"] = new(Admin, Shows: new(PersonalDataLog.AccessLogPage)),
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
