using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Verification;

/// <summary>
/// The visit form as the phone's outbox (field.js) sends it: asking for JSON, with the submission id
/// made when the form was opened, possibly more than once.
/// </summary>
public partial class VervalJourneyTests
{
    /// <summary>The visit form's fields for a plain visit (no exit), the way the browser sends them.</summary>
    private static List<(string Name, string Value)> OutboxFields(string form, string submissionId, string? recommendation = null) =>
    [
        ("Input.Version", Hidden(form, "Input.Version")),
        ("Input.Opened", Hidden(form, "Input.Opened")),
        ("Input.SubmissionId", submissionId),
        ("Input.VisitedOn", Day(Today)),
        ("Input.Found", "true"),
        ("Input.MetPerson", "Budi Santoso (Kepala Keluarga)"),
        .. Answers("HeadNotWorking", "FoodInsecure"),
        ("Input.SpendingPerCapita", "205000"),
        ("Input.MembersPresent", "1"),
        ("Input.Recommendation", recommendation ?? "Verified"),
        ("Input.Notes", "Dikirim dari HP tanpa sinyal."),
    ];

    private static async Task<HttpResponseMessage> PostAsJsonClientAsync(PageSession session, string path, IEnumerable<(string Name, string Value)> fields, byte[]? photo)
    {
        var content = new MultipartFormDataContent { { new StringContent(await session.AntiforgeryTokenAsync("/tugas")), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (photo is not null)
        {
            var file = new ByteArrayContent(photo);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(file, "photos", "rumah.jpg");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return await session.Client.SendAsync(request);
    }

    private static async Task<(HttpStatusCode Status, string State, string? Error)> AnswerOf(HttpResponseMessage response)
    {
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        return (response.StatusCode, root.GetProperty("state").GetString()!, root.TryGetProperty("error", out var e) ? e.GetString() : null);
    }

    private static async Task<long> OpenRoundAsync(TuntasWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var round = await scope.ServiceProvider.GetRequiredService<CreateRound>()
            .CreateAsync(Tuntas.Domain.Access.RegionScope.National, RegionCode.From("64.74"), "Verval Uji", Today, Today.AddDays(30), 12, "test");
        Assert.True(round.Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<Tuntas.Data.TuntasDbContext>();
        return await db.Tasks.Select(t => t.Id).SingleAsync();
    }

    private static async Task<(int Visits, int Evidence)> StoredAsync(TuntasWebFactory app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Tuntas.Data.TuntasDbContext>();
        return (await db.Visits.CountAsync(), await db.Evidence.CountAsync());
    }

    [Theory, DatabaseData]
    public async Task OutboxResend_OfAStoredVisit_AnswersAlready_AndStoresNothingNew(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var taskId = await OpenRoundAsync(app);
        var op = await LoginAsync(app, "op.bontangkuala");
        var (_, form) = await op.GetAsync($"/tugas/{taskId}");
        Assert.Matches("name=\"Input.SubmissionId\" value=\"[0-9a-f-]{36}\"", form);
        var fields = OutboxFields(form, "5f0c8a52-3c5e-4a43-9d4c-0b8f3f4a2e11");

        var first = await AnswerOf(await PostAsJsonClientAsync(op, $"/tugas/{taskId}", fields, Photo));
        Assert.Equal((HttpStatusCode.OK, "stored"), (first.Status, first.State));

        // The answer was lost on the way (the signal dropped): the phone sends the same visit again.
        var again = await AnswerOf(await PostAsJsonClientAsync(op, $"/tugas/{taskId}", fields, Photo));
        Assert.Equal((HttpStatusCode.OK, "already"), (again.Status, again.State));
        Assert.Equal((1, 1), await StoredAsync(app));

        // Other content under the same submission id is not this visit: refused, nothing stored.
        var changed = fields.Select(f => f.Name == "Input.Notes" ? (f.Name, "Catatan lain.") : f).ToList();
        var other = await AnswerOf(await PostAsJsonClientAsync(op, $"/tugas/{taskId}", changed, Photo));
        Assert.Equal((HttpStatusCode.UnprocessableEntity, "refused"), (other.Status, other.State));
        Assert.Contains("isi berbeda", other.Error, StringComparison.Ordinal);
        Assert.Equal((1, 1), await StoredAsync(app));

        // The ordinary form post of the same visit again (no script: the browser resent it) shows the household, as the first did.
        var plain = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}", fields, Photo);
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        Assert.Equal("/keluarga/6474010101200001?pesan=kunjungan-terkirim", plain.Headers.Location!.OriginalString);
        Assert.Equal((1, 1), await StoredAsync(app));
    }

    [Theory, DatabaseData]
    public async Task OutboxSend_Refused_AnswersTheWordsToShow_AndAnotherVillageGets404(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var taskId = await OpenRoundAsync(app);
        var op = await LoginAsync(app, "op.bontangkuala");
        var (_, form) = await op.GetAsync($"/tugas/{taskId}");

        // Leaving the register needs a photo: the phone keeps the visit and shows why.
        var refused = await AnswerOf(await PostAsJsonClientAsync(op, $"/tugas/{taskId}", OutboxFields(form, Guid.NewGuid().ToString(), "Moved"), photo: null));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.Status);
        Assert.Equal("refused", refused.State);
        Assert.Contains("foto", refused.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal((0, 0), await StoredAsync(app));

        // Another village's operator cannot send it, whatever the outbox holds.
        var other = await LoginAsync(app, "op.guntung");
        var foreign = await PostAsJsonClientAsync(other, $"/tugas/{taskId}", OutboxFields(form, Guid.NewGuid().ToString()), Photo);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal((0, 0), await StoredAsync(app));
    }

    [Theory, DatabaseData]
    public async Task FieldApp_OnlyOperatorsAndFacilitators_GetTheOutboxAndTheWorker(TestProvider provider)
    {
        await using var app = await AppWithListedFamilyAsync(provider);
        var (_, operatorPage) = await (await LoginAsync(app, "op.bontangkuala")).GetAsync("/tugas");
        Assert.Contains("data-outbox-panel", operatorPage, StringComparison.Ordinal);
        Assert.Matches(new Regex("src=\"/js/field\\.js\\?v="), operatorPage);
        Assert.Contains("rel=\"manifest\"", operatorPage, StringComparison.Ordinal);

        var (_, verifierPage) = await (await LoginAsync(app, "dinsos.bontang")).GetAsync("/tugas");
        Assert.DoesNotContain("field.js", verifierPage, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"manifest\"", verifierPage, StringComparison.Ordinal);

        var client = app.CreateClient();
        var worker = await client.GetAsync("/sw.js");
        Assert.True(worker.Headers.CacheControl?.NoCache);
        Assert.Contains("/keluar", await worker.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var manifest = await client.GetAsync("/manifest.webmanifest");
        Assert.Equal("application/manifest+json", manifest.Content.Headers.ContentType?.MediaType);

        // No chart library on a page without a chart.
        Assert.DoesNotContain("chartjs", operatorPage, StringComparison.Ordinal);
    }
}
