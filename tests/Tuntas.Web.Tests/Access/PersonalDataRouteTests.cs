using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Interventions;
using Tuntas.Data.UpdateCycles;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Domain.Verification;
using Tuntas.Testing;
using Tuntas.Web.Access;
using Tuntas.Web.Tests.Pages;
using Tuntas.Web.Verification;

namespace Tuntas.Web.Tests.Access;

/// <summary>
/// Every endpoint the app maps (read from its endpoint data source), asked by GET with real records
/// behind every id, and each download variant: whatever answer shows a seeded name, NIK or No. KK
/// came from an endpoint that declares it (<see cref="EndpointClass.Shows"/>) and left exactly one
/// entry in the personal-data log, under the declared action; every declared endpoint's success left one.
/// </summary>
public class PersonalDataRouteTests
{
    private static readonly RegionCode Bontang = RegionCode.From("64.74");

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, .. "a photo of the house"u8.ToArray()];

    // A household import: one good row and one with an impossible birth date, which waits in the quarantine.
    private const string ImportFile = """
        no_kk,kode_wilayah,nik,nama,jenis_kelamin,tanggal_lahir,hubungan
        6474010101200011,64.74.01.1001,6474011708850012,Hendra Wijaya,L,1985-08-17,Kepala Keluarga
        6474010101200012,64.74.01.1002,6474015708900015,Dewi Lestari,P,1990-02-30,Kepala Keluarga
        """;

    /// <summary>What identifies a person or household of the seeded records, whole and masked.</summary>
    private static readonly string[] Seeded =
    [
        "6474010101200001", "6474010101200002", "6408010101200003", "6474010101200011", "6474010101200012",
        "Budi Santoso", "Agus Salim", "Siti Rahayu", "Rahmat Hidayat", "Hendra Wijaya", "Dewi Lestari",
        .. new[] { "6474011708850002", "6474011708850003", "6474015708900004", "6408011708850005", "6474011708850012", "6474015708900015" }
            .SelectMany(nik => new[] { nik, Nik.Mask(nik) }),
    ];

    /// <summary>The import template's example row uses the test families' made-up numbers; it is a fixed file that reads nothing from the register.</summary>
    private const string ImportTemplate = "templat/impor.{format}";

    private static DateOnly Today => RegionClock.DayAt(DateTime.UtcNow);

    [Fact]
    public async Task EveryAnswerShowingPersonalData_ComesFromADeclaredEndpoint_AndLeavesExactlyOneView()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var ids = await SeedAsync(app);
        await app.CreateUserAndTokenAsync("admin.log", Role.Admin, null);
        var admin = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.LoginAsync("admin.log", TuntasWebFactory.Password)).StatusCode);
        var upload = await ImportAsync(admin);
        var recipients = await ImportRecipientsAsync(admin);

        // ODK Collect's routes carry an operator's token in the path; its households list is recorded under that operator.
        await app.CreateUserAndTokenAsync("op.odk", Role.Operator, "64.74.01.1001");
        string odkToken;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            odkToken = (await scope.ServiceProvider.GetRequiredService<CreateApiToken>().CreateAsync("op.odk", TimeSpan.FromDays(1), "test", odk: true)).Value!;
        }
        await using (var db = app.CreateDbContext())
        {
            ids["batch"] = await db.ImportBatches.Select(b => b.Id).SingleAsync();
        }

        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods is not { } methods || methods.Contains("GET"))
            .GroupBy(e => EndpointAccess.KeyOf(e.RoutePattern))
            .Select(g => (Key: g.Key, Class: g.First().Metadata.GetMetadata<EndpointClass>()))
            // Signing out, and the authenticator set-up (which renews the sign-in stamp), would end the
            // session the rest runs in; neither shows the register.
            .Where(e => e.Key is not ("keluar" or "akun/2fa"))
            // The administrator's pages last, so that the data-access report has views to show by then.
            .OrderBy(e => e.Key.StartsWith("admin/", StringComparison.Ordinal))
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
        Assert.True(endpoints.Count > 30, $"Only {endpoints.Count} endpoints were found.");
        Assert.Contains(endpoints, e => e.Class?.Shows is not null);

        var failures = new List<string>();
        var answered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, declared) in endpoints)
        {
            foreach (var url in Urls(key, declared, ids, upload, recipients, odkToken))
            {
                var before = await ViewCountAsync(app);
                using var response = await admin.Client.GetAsync(url);
                var body = await TextAsync(response);
                var views = await NewViewsAsync(app, before);
                var status = (int)response.StatusCode;
                var shows = key == ImportTemplate ? null : Seeded.FirstOrDefault(s => body.Contains(s, StringComparison.Ordinal));
                var download = response.Content.Headers.ContentDisposition?.DispositionType == "attachment";
                var expected = declared?.Shows?.ActionFor(download, url.Contains("q=", StringComparison.Ordinal));
                if (status is >= 200 and < 300 && declared?.Shows is not null)
                {
                    answered.Add(key);
                }

                if (declared?.Shows is not null && status is < 200 or > 299)
                {
                    failures.Add($"GET {url} answered {status}: a declared route and its variants must answer 2xx with the seeded records.");
                }
                else if (shows is not null && declared?.Shows is null)
                {
                    failures.Add($"GET {url} answered {status} showing \"{shows}\", but /{key} declares no personal-data action in EndpointAccess.");
                }
                else if (status is >= 200 and < 300 && declared?.Shows is not null && (views.Count != 1 || views[0] != expected))
                {
                    failures.Add($"GET {url} answered {status}: views [{string.Join(", ", views)}], expected exactly [{expected}].");
                }
                else if ((status is < 200 or > 299 || declared?.Shows is null) && views.Count != 0)
                {
                    failures.Add($"GET {url} answered {status} and left views [{string.Join(", ", views)}]; only a successful declared answer records one.");
                }
            }
        }

        // Refused and failed answers of declared endpoints record nothing: a missing id, a household
        // that does not exist, a search with a text-direction character.
        foreach (var refused in new[] { "/tugas/987654321", "/keluarga/6474010101209999", "/keluarga?q=Budi%E2%80%AE", "/api/v1/households/6474010101209999" })
        {
            var before = await ViewCountAsync(app);
            using var response = await admin.Client.GetAsync(refused);
            Assert.True((int)response.StatusCode is 400 or 404, $"GET {refused} answered {(int)response.StatusCode}.");
            Assert.Empty(await NewViewsAsync(app, before));
        }

        var unanswered = endpoints.Where(e => e.Class?.Shows is not null && !answered.Contains(e.Key)).Select(e => "/" + e.Key).ToList();
        Assert.True(unanswered.Count == 0, "Declared endpoints that never answered 2xx (seed a record for them): " + string.Join(", ", unanswered));
        Assert.True(failures.Count == 0, $"{failures.Count} answers differ from the personal-data log's rule:\n" + string.Join("\n", failures));
    }

    /// <summary>The URLs to ask of an endpoint: its parameters filled with the seeded records, and its download variants.</summary>
    private static IEnumerable<string> Urls(string key, EndpointClass? declared, Dictionary<string, long> ids, string upload, string recipients, string odkToken)
    {
        var path = "/" + key
            .Replace("{region?}", "64.74", StringComparison.Ordinal)
            .Replace("{region}", "64.74", StringComparison.Ordinal)
            .Replace("{code?}", "64.74", StringComparison.Ordinal)
            .Replace("{noKk}", "6474010101200001", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal)
            .Replace("{culture}", "id", StringComparison.Ordinal)
            .Replace("{format}", "csv", StringComparison.Ordinal)
            .Replace("{token}", odkToken, StringComparison.Ordinal)
            .Replace("{village}", "64.74.01.1001", StringComparison.Ordinal);
        if (path.Contains("{id:long}", StringComparison.Ordinal))
        {
            path = path.Replace("{id:long}", ids[key].ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }

        var query = declared?.ScopedBy == "region" && !key.Contains("{region", StringComparison.Ordinal) ? "?region=64.74" : string.Empty;
        var url = path + query;
        var and = query.Length > 0 ? "&" : "?";
        yield return key switch
        {
            "intervensi/daftar-kerja" => url + and + "programme=SEMBAKO",

            // The files for OpenSID are about one desa: Budi's Bontang Kuala, where SEMBAKO reached him.
            "dasbor/{region}/opensid/suplemen" => "/dasbor/64.74.01.1001/opensid/suplemen",
            "dasbor/{region}/opensid/bantuan" => "/dasbor/64.74.01.1001/opensid/bantuan?programme=SEMBAKO",
            _ => url,
        };

        // The variants: searches, downloads and handlers that answer with a file.
        var variants = key switch
        {
            "keluarga" => ["q=6474011708850002", "q=Agus Salim"],
            "api/v1/households" => ["q=6474011708850003"],
            "dasbor/{region}/keluarga" => ["format=csv", "format=xlsx"],
            "intervensi/konvergensi" => ["format=csv", "format=xlsx"],
            "intervensi/daftar-kerja" => ["programme=SEMBAKO&format=csv", "programme=SEMBAKO&format=xlsx"],
            "intervensi/siap-graduasi" => ["format=csv", "format=xlsx"],
            "impor" => [$"handler=Errors&upload={upload}"],
            "impor/karantina" => [$"handler=Download&batch={ids["batch"]}"],
            "intervensi/impor" => [$"handler=Errors&upload={recipients}"],
            "pemutakhiran/{id:long}" => ["handler=Export"],
            _ => Array.Empty<string>(),
        };
        foreach (var variant in variants)
        {
            yield return url + and + variant;
        }
    }

    /// <summary>
    /// Bontang's first family listed with a round, a task, a submitted visit with a photo, a village
    /// meeting with minutes, a proposal with a document and a delivery with a receipt; the second
    /// verified, graduated and drawn in a claim-audit sample.
    /// </summary>
    private static async Task<Dictionary<string, long>> SeedAsync(TuntasWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<TuntasDbContext>();
        var verval = services.GetRequiredService<VervalService>();
        var audit = services.GetRequiredService<AuditTrail>();
        var store = services.GetRequiredService<EvidenceStore>();
        var budi = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From("6474010101200001"));
        var agus = await db.Households.Include(h => h.Members).SingleAsync(h => h.NoKk == NomorKk.From("6474010101200002"));

        await audit.BeginAsync();
        foreach (var family in new[] { budi, agus })
        {
            StatusChanges.Apply(family, new StatusChange(HouseholdStatus.Listed, Today, StatusChanges.SystemClassification, "Memenuhi kriteria.", "classification"), audit, Today, DateTime.UtcNow);
        }

        foreach (var (to, purpose, spending) in new[] { (HouseholdStatus.Verified, VisitPurpose.Verification, 250_000L), (HouseholdStatus.Graduated, VisitPurpose.Graduation, 700_000L) })
        {
            var task = await verval.CreateTaskAsync(agus, purpose, Today.AddDays(7), "sistem:test", audit);
            var visit = verval.SubmitVisit(task, agus, Report(spending, to), [await SaveAsync(store, "rumah-agus.jpg")], "op.guntung", audit);
            await db.SaveChangesAsync();
            await verval.ApproveAsync(visit, agus, "dinsos.bontang", null, audit);
        }

        await db.SaveChangesAsync();
        var round = (await verval.CreateRoundAsync(Bontang, "Verval Uji", Today, Today.AddDays(30), 6, "dinsos.bontang", audit)).Round;
        await db.SaveChangesAsync();
        var budiTask = await db.Tasks.Where(t => t.HouseholdId == budi.Id).OrderBy(t => t.Id).FirstAsync();
        var budiVisit = verval.SubmitVisit(budiTask, budi, Report(200_000, HouseholdStatus.Verified), [await SaveAsync(store, "rumah-budi.jpg")], "op.bontangkuala", audit);
        var meeting = verval.RecordMeeting(round, budi.VillageCode, Today, 20, "Kepala desa, RT 01-07", await SaveAsync(store, "notulen.jpg"), [], "op.bontangkuala", audit);
        var proposal = await verval.SubmitProposalAsync(ProposalKind.Usul, budi.VillageCode, null, "Keluarga di RT 03 belum terdaftar.", "Ketua RT 03", null, await SaveAsync(store, "surat-rt.jpg"), "op.bontangkuala", audit);
        await db.SaveChangesAsync();
        var delivery = await services.GetRequiredService<DeliveryService>().RecordAsync(
            new DeliveryRecorder("test", RegionScope.National), budi.Id, null, "SEMBAKO", new DeliveryReport { Date = Today, Amount = 200_000 }, await SaveAsync(store, "tanda-terima.jpg"), audit);
        await db.SaveChangesAsync();
        await audit.CommitAsync();

        var sample = await audit.RunAsync(() => services.GetRequiredService<ClaimAuditService>().DrawAsync(
            new DrawRequest(Bontang, HouseholdStatus.Graduated, Today.AddYears(-1), Today, 1, false), "dinsos.bontang", audit));

        // Bontang's update cycle of the month: Budi proposed for a data correction and accepted, the meeting's berita acara uploaded.
        var cycle = (await services.GetRequiredService<OpenCycle>().OpenAsync(RegionScope.National, Bontang, Today, null, "dinsos.bontang")).Value!;
        var cycleVillage = (await services.GetRequiredService<RecordCycleMeeting>().RecordAsync(
            RegionScope.National, cycle.Id, budi.VillageCode, Today, await SaveAsync(store, "berita-acara.jpg"), null, "op.bontangkuala")).Value!;
        var cycleProposal = (await services.GetRequiredService<EnterCycleProposal>().EnterAsync(RegionScope.National, cycle.Id, budi.VillageCode,
            new CycleProposalInput("6474010101200001", "6474011708850002", "Budi Santoso", CycleProposalKind.Correction, "Pekerjaan berubah."), "op.bontangkuala")).Value!;
        Assert.True((await services.GetRequiredService<CheckCycleProposal>().CheckAsync(RegionScope.National, cycle.Id, cycleProposal.Id, null, true, null, "dinsos.bontang")).Succeeded);

        return new Dictionary<string, long>(StringComparer.Ordinal)
        {
            ["pemutakhiran/{id:long}"] = cycle.Id,
            ["pemutakhiran/{id:long}/desa/{village}"] = cycle.Id,
            ["bukti/pemutakhiran/{id:long}"] = cycleVillage.Id,
            ["tugas/{id:long}"] = budiTask.Id,
            ["verval/{id:long}"] = round.Id,
            ["pemeriksaan/{id:long}"] = budiVisit.Id,
            ["bukti/{id:long}"] = await db.Evidence.Where(e => e.VisitId == budiVisit.Id).Select(e => e.Id).SingleAsync(),
            ["bukti/musyawarah/{id:long}"] = meeting.Id,
            ["bukti/usul/{id:long}"] = proposal.Id,
            ["bukti/penyaluran/{id:long}"] = delivery.Id,
            ["audit-klaim/sampel/{id:long}"] = sample.Id,
        };
    }

    private static VisitReport Report(long spending, HouseholdStatus recommend) => new()
    {
        VisitedOn = Today,
        Found = true,
        MetPerson = "Kepala keluarga",
        SpendingPerCapita = spending,
        Recommendation = recommend,
    };

    private static async Task<EvidenceFile> SaveAsync(EvidenceStore store, string name)
    {
        using var stream = new MemoryStream(Jpeg);
        var (file, error) = await store.SaveAsync(new FormFile(stream, 0, Jpeg.Length, "file", name), CancellationToken.None);
        Assert.Null(error);
        return file!;
    }

    /// <summary>Checks and confirms the import file on <c>/impor</c>; returns the upload's id (its rejected rows download).</summary>
    private static async Task<string> ImportAsync(PageSession admin)
    {
        async Task<string> PostAsync(string handler, Action<MultipartFormDataContent> fill)
        {
            var content = new MultipartFormDataContent { { new StringContent(await admin.AntiforgeryTokenAsync("/impor")), "__RequestVerificationToken" } };
            fill(content);
            var response = await admin.Client.PostAsync($"/impor?handler={handler}", content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        var checkedHtml = await PostAsync("Check", c =>
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(ImportFile.Replace("\r", string.Empty, StringComparison.Ordinal)));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            c.Add(file, "file", "keluarga.csv");
            c.Add(new StringContent("Desa-2026"), "source");
        });
        var upload = Regex.Match(checkedHtml, "name=\"upload\" value=\"([a-f0-9]{32})\"").Groups[1].Value;
        Assert.NotEmpty(upload);
        await PostAsync("Confirm", c =>
        {
            c.Add(new StringContent(upload), "upload");
            c.Add(new StringContent("Desa-2026"), "source");
        });
        return upload;
    }

    /// <summary>Imports a SEMBAKO recipient list with one row rejected; returns the upload's id (its rejected rows download).</summary>
    private static async Task<string> ImportRecipientsAsync(PageSession admin)
    {
        var list = $"no_kk,tanggal,nilai\n6474010101200002,{Today.AddDays(-3):yyyy-MM-dd},200000\n6474010101200001,kemarin,200000\n";
        var content = new MultipartFormDataContent
        {
            { new StringContent(await admin.AntiforgeryTokenAsync("/intervensi/impor")), "__RequestVerificationToken" },
            { new StringContent("SEMBAKO"), "programme" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(list));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        content.Add(file, "file", "sembako.csv");
        var response = await admin.Client.PostAsync("/intervensi/impor", content);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var upload = Regex.Match(html, "handler=Errors&amp;upload=([a-f0-9]+)").Groups[1].Value;
        Assert.NotEmpty(upload);
        return upload;
    }

    /// <summary>The text of an answer as its reader sees it: an XLSX's sheets unpacked, HTML references decoded.</summary>
    private static async Task<string> TextAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (bytes is [(byte)'P', (byte)'K', ..])
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var text = new StringBuilder();
            foreach (var entry in zip.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                text.Append(await reader.ReadToEndAsync());
            }

            return text.ToString();
        }

        return WebUtility.HtmlDecode(Encoding.UTF8.GetString(bytes));
    }

    private static async Task<long> ViewCountAsync(TuntasWebFactory app)
    {
        await using var db = app.CreateDbContext();
        return await db.PersonalDataViews.MaxAsync(v => (long?)v.Id) ?? 0;
    }

    private static async Task<List<string>> NewViewsAsync(TuntasWebFactory app, long after)
    {
        await using var db = app.CreateDbContext();
        return await db.PersonalDataViews.Where(v => v.Id > after).OrderBy(v => v.Id).Select(v => v.Action).ToListAsync();
    }
}
