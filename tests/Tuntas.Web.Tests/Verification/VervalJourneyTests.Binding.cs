using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Verification;

/// <summary>Numbers and dates on the verval forms read the same in Bahasa Indonesia and in English.</summary>
public partial class VervalJourneyTests
{
    /// <summary>The words a page shows in its error alert, character references decoded.</summary>
    private static string Alert(string html) =>
        WebUtility.HtmlDecode(Regex.Match(html, "class=\"alert error\"[^>]*>([^<]*)<").Groups[1].Value).Trim();

    private static async Task<PageSession> LoginInAsync(TuntasWebFactory app, string user, string language)
    {
        var session = await LoginAsync(app, user);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync($"/bahasa/{language}?returnUrl=/")).StatusCode);
        return session;
    }

    [Theory]
    [InlineData("id", "Rp1.250.000")]
    [InlineData("en", "1,250,000")]
    public async Task RoundVisitAndMeetingForms_ReadNumbersAndDatesAlikeInEitherLanguage_AndSayWhichValueIsUnreadable(string language, string spending)
    {
        await using var app = await AppWithListedFamilyAsync(TestProvider.Sqlite);
        var verifier = await LoginInAsync(app, "dinsos.bontang", language);
        var op = await LoginInAsync(app, "op.bontangkuala", language);
        var english = language == "en";

        // A start date written the way a person in the office might: refused with the value, kept as typed.
        var badRound = await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", "9/4/2025"), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);
        var badRoundHtml = await badRound.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, badRound.StatusCode);
        Assert.EndsWith(english
            ? "“9/4/2025” is not a date that can be read: pick it from the calendar or write year-month-day, for example 2025-04-09."
            : "“9/4/2025” bukan tanggal yang bisa dibaca: pilih dari kalender atau tulis tahun-bulan-tanggal, misalnya 2025-04-09.", Alert(badRoundHtml), StringComparison.Ordinal);
        Assert.Matches("id=\"start\"[^>]*value=\"9/4/2025\"", badRoundHtml);

        var created = await PostAsync(verifier, "/verval", "/verval",
            [("Input.Name", "Verval Uji"), ("Input.Region", "64.74"), ("Input.Start", Day(Today)), ("Input.End", Day(Today.AddDays(30))), ("Input.ReverifyMonths", "6")]);
        Assert.True(created.StatusCode == HttpStatusCode.Redirect, Alert(await created.Content.ReadAsStringAsync()));

        // The visit: a position the browser wrote with a dot, a typo in it first, and spending as people write rupiah.
        var (_, tasks) = await op.GetAsync("/tugas");
        var taskId = Regex.Match(tasks, "href=\"/tugas/([0-9]+)\"").Groups[1].Value;
        var (_, form) = await op.GetAsync($"/tugas/{taskId}");
        (string, string)[] Visit(string latitude) =>
        [
            ("Input.Version", Hidden(form, "Input.Version")), ("Input.VisitedOn", Day(Today)), ("Input.Found", "true"),
            ("Input.SpendingPerCapita", spending), ("Input.MembersPresent", "1"), ("Input.MembersBorn", "2"),
            ("Input.Latitude", latitude), ("Input.Longitude", "117.500000"), ("Input.Accuracy", "12.5"),
            ("Input.Recommendation", "Verified"), .. Answers("HeadNotWorking"),
        ];
        var badVisit = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}", Visit("0.13.86"), Photo);
        var badVisitHtml = await badVisit.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, badVisit.StatusCode);
        Assert.EndsWith(english
            ? "“0.13.86” is not a number that can be read: write for example 0.138600 or -0.5."
            : "“0.13.86” bukan angka yang bisa dibaca: tulis misalnya 0.138600 atau -0,5.", Alert(badVisitHtml), StringComparison.Ordinal);
        Assert.Contains($"value=\"{spending}\"", badVisitHtml, StringComparison.Ordinal);

        var sent = await PostAsync(op, $"/tugas/{taskId}", $"/tugas/{taskId}", Visit("-0.138600"), Photo);
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, Alert(await sent.Content.ReadAsStringAsync()));

        // The meeting of Bontang Kuala: a count with a word in it is refused and kept; then digits.
        long householdId;
        await using (var db = app.CreateDbContext())
        {
            householdId = await db.Households.Where(h => h.NoKk == NomorKk.From("6474010101200001")).Select(h => h.Id).SingleAsync();
        }

        var round = created.Headers.Location!.OriginalString;
        var meetingForm = $"{round}?desa=64.74.01.1001";
        (string, string)[] Meeting(string attendance) =>
            [("input.HeldOn", Day(Today)), ("input.Attendance", attendance), ("input.Attendees", "Lurah, LPM"), ($"input.Decisions[{householdId}]", "Confirm")];
        var badMeeting = await PostAsync(op, meetingForm, $"{round}?handler=Meeting&desa=64.74.01.1001", Meeting("18 orang"));
        var badMeetingHtml = await badMeeting.Content.ReadAsStringAsync();
        Assert.EndsWith(english
            ? "“18 orang” is not a whole number: write digits only, for example 12."
            : "“18 orang” bukan bilangan bulat: tulis angka saja, misalnya 12.", Alert(badMeetingHtml), StringComparison.Ordinal);
        Assert.Contains("value=\"18 orang\"", badMeetingHtml, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Day(Today)}\"", badMeetingHtml, StringComparison.Ordinal);
        var recorded = await PostAsync(op, meetingForm, $"{round}?handler=Meeting&desa=64.74.01.1001", Meeting("18"));
        Assert.True(recorded.StatusCode == HttpStatusCode.Redirect, Alert(await recorded.Content.ReadAsStringAsync()));

        await using var check = app.CreateDbContext();
        var stored = await check.Rounds.SingleAsync();
        Assert.Equal((Today, Today.AddDays(30), 6), (stored.PeriodStart, stored.PeriodEnd, stored.ReverifyMonths));
        var visit = await check.Visits.SingleAsync();
        Assert.Equal((Today, 1_250_000L, 1, 2), (visit.VisitedOn, visit.SpendingPerCapita!.Value, visit.MembersPresent, visit.MembersBorn));
        Assert.Equal((-0.1386, 117.5, 12.5), (visit.Latitude!.Value, visit.Longitude!.Value, visit.AccuracyMetres!.Value));
        var meeting = await check.Meetings.SingleAsync();
        Assert.Equal((Today, 18), (meeting.HeldOn, meeting.Attendance));
    }
}
