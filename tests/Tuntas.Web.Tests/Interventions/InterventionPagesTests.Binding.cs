using System.Net;
using Microsoft.EntityFrameworkCore;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Interventions;

/// <summary>Delivery amounts are read as people write rupiah, whatever the language of the page.</summary>
public partial class InterventionPagesTests
{
    [Theory, DatabaseData]
    public async Task RecordDelivery_AmountWrittenAsPeopleWriteRupiah_IsStoredInEitherLanguage(TestProvider provider)
    {
        await using var app = await AppAsync(provider);
        var indonesian = await LoginAsync(app, "dinsos.bontang");
        var english = await LoginAsync(app, "dinsos.bontang");
        Assert.Equal(HttpStatusCode.Redirect, (await english.Client.GetAsync("/bahasa/en?returnUrl=/")).StatusCode);

        var id = await RecordAsync(indonesian, BudiKk, "SEMBAKO", Today.AddDays(-1), "Rp 1.250.000,-", "Paket September");
        var en = await RecordAsync(english, BudiKk, "SEMBAKO", Today, "1,250,000", "Paket Oktober");

        Assert.True(id.StatusCode == HttpStatusCode.Redirect, Error(await id.Content.ReadAsStringAsync()));
        Assert.True(en.StatusCode == HttpStatusCode.Redirect, Error(await en.Content.ReadAsStringAsync()));
        await using var db = app.CreateDbContext();
        var stored = await db.Deliveries.OrderBy(d => d.Date).Select(d => new { d.Date, d.Amount }).ToListAsync();
        Assert.Equal([(Today.AddDays(-1), 1_250_000L), (Today, 1_250_000L)], stored.Select(d => (d.Date, d.Amount!.Value)));
    }
}
