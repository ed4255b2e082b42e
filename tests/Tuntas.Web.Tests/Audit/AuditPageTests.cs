using System.Net;
using Microsoft.EntityFrameworkCore;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Audit;

public class AuditPageTests
{
    [Fact]
    public async Task AuditPage_ShowsTheRegionsEntries_ChecksTheChain_AndIsNotFoundForOperators()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);

        // Creating users is audited, each entry with the user's region.
        await app.CreateUserAndTokenAsync("dinsos.bontang", Role.Verifier, "64.74");
        await app.CreateUserAndTokenAsync("dinsos.kutim", Role.Verifier, "64.08");
        await app.CreateUserAndTokenAsync("op.bontangkuala", Role.Operator, "64.74.01.1001");
        var verifier = PageSession.Open(app);
        await verifier.LoginAsync("dinsos.bontang", TuntasWebFactory.Password);
        var op = PageSession.Open(app);
        await op.LoginAsync("op.bontangkuala", TuntasWebFactory.Password);

        var (status, html) = await verifier.GetAsync("/jejak-audit");
        var token = await verifier.AntiforgeryTokenAsync("/jejak-audit");
        var verified = await verifier.Client.PostAsync("/jejak-audit?handler=Verify", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("op.bontangkuala", html, StringComparison.Ordinal);
        Assert.DoesNotContain("dinsos.kutim", html, StringComparison.Ordinal);
        Assert.Contains("Rantai utuh", await verified.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await op.GetAsync("/jejak-audit")).Status);

        // An entry edited in the database is reported on the page.
        await using (var db = app.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Actor\" = 'someone else' WHERE \"Sequence\" = 2");
        }

        var broken = await verifier.Client.PostAsync("/jejak-audit?handler=Verify", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Contains("entry 2 was altered", await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
