using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Verification.OpenRosa;

/// <summary>
/// ODK's own form engine (npm <c>@getodk/xforms-engine</c>, in Node) loads the served form, fills it
/// and posts the instance it serializes; the visit arrives in the review queue. Needs <c>node</c> and
/// the packages of <c>tests/odk-engine</c> (installed by <c>npm ci</c>, which this test runs when they
/// are missing): without them it fails and says so.
/// </summary>
public class OdkEngineTests
{
    private const string Budi = "6474010101200001";

    [Fact]
    public async Task TheServedForm_FilledByOdksFormEngine_BecomesAVisitInTheReviewQueue()
    {
        var project = Path.Combine(RepositoryRoot(), "tests", "odk-engine");
        if (!Directory.Exists(Path.Combine(project, "node_modules", "@getodk", "xforms-engine")))
        {
            var install = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], project, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci in tests/odk-engine failed (is npm installed and the registry reachable? ./test.sh installs them):\n{install.Output}");
        }

        await using var database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            db.Households.AddRange(Families.ThreeFamilies());
            await db.SaveChangesAsync();
        }

        var evidence = Path.Combine(Path.GetTempPath(), $"tuntas-evidence-{Guid.NewGuid():N}");
        await using var app = TuntasWebApp.Build(["--urls", "http://127.0.0.1:0", "--Tuntas:Evidence", evidence, "--Tuntas:Uploads", evidence + "-uploads"], database.Uri, hostedByCli: true);
        await app.StartAsync();
        var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var services = scope.ServiceProvider;
            Assert.True((await services.GetRequiredService<AddUser>().AddAsync("op.bontangkuala", Role.Operator, RegionCode.From("64.74.01.1001"), "a-long-test-passphrase", "test")).Succeeded);
            var db = services.GetRequiredService<TuntasDbContext>();
            var audit = services.GetRequiredService<AuditTrail>();
            await audit.BeginAsync();
            foreach (var household in await db.Households.Include(h => h.Members).ToListAsync())
            {
                await services.GetRequiredService<VervalService>().CreateTaskAsync(household, VisitPurpose.Verification, RegionClock.DayAt(DateTime.UtcNow).AddDays(14), "sistem:test", audit);
            }

            await audit.CommitAsync();
            token = (await services.GetRequiredService<CreateApiToken>().CreateAsync("op.bontangkuala", TimeSpan.FromDays(1), "test", odk: true)).Value!;
        }

        var run = await RunAsync("node", ["fill-and-submit.mjs", $"{baseUrl}/odk/{token}", Budi], project, TimeSpan.FromMinutes(3));

        Assert.True(run.ExitCode == 0, $"The ODK form engine could not fill and send the form:\n{run.Output}");
        var result = JsonDocument.Parse(run.Output.Trim().Split('\n').Last(l => l.TrimStart().StartsWith('{'))).RootElement;
        var instanceId = result.GetProperty("instanceId").GetString();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var queue = await scope.ServiceProvider.GetRequiredService<VervalQueries>().VisitsAsync(new RegionScope(RegionCode.From("64.74")), ReviewState.Pending, 50, CancellationToken.None);
            var row = Assert.Single(queue);
            Assert.Equal(Budi, row.NoKk);
            Assert.Equal("op.bontangkuala", row.Visitor);
            Assert.Equal(1, row.Evidence);
            var visit = await scope.ServiceProvider.GetRequiredService<TuntasDbContext>().Visits.SingleAsync();
            Assert.Equal(instanceId, visit.SubmissionId);
            Assert.Equal(215_000, visit.SpendingPerCapita);

            // The engine fills the form's start itself: the opening is known, minutes ago at most.
            Assert.NotNull(visit.FormOpenedAt);
            Assert.InRange(visit.FormOpenedAt.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow);
            Assert.Equal(PovertyIndicators.HeadNotWorking | PovertyIndicators.FoodInsecure | PovertyIndicators.FoodOverHalfOfSpending | PovertyIndicators.EarthOrPlasterFloor | PovertyIndicators.NonPermanentWalls | PovertyIndicators.NoOwnToilet, visit.Indicators);
            Assert.Equal(0.1345, visit.Latitude);
        }

        await app.StopAsync();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tuntas.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Tuntas.slnx) was not found above " + AppContext.BaseDirectory);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"'{program}' cannot be started ({e.Message}); ./test.sh installs nodejs and npm.");
            throw;
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var cancel = new CancellationTokenSource(timeout);
            try
            {
                await process.WaitForExitAsync(cancel.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return (-1, $"'{program}' did not finish within {timeout}.\n{await stdout}\n{await stderr}");
            }

            return (process.ExitCode, await stdout + await stderr);
        }
    }
}
