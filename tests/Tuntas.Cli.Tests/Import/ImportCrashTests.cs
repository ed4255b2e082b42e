using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Synthetic;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Cli.Tests.Import;

/// <summary>
/// Kill -9 in the middle of an import, run it again: the register must be exactly what one
/// uninterrupted run gives, with no lost and no duplicated row.
/// </summary>
public class ImportCrashTests
{
    private static readonly string Program = Path.Combine(AppContext.BaseDirectory, "tuntas.dll");

    [Theory, DatabaseData]
    public async Task KilledImport_RunAgain_GivesTheSameRegisterAsAnUninterruptedRun(TestProvider provider)
    {
        var file = Path.Combine(Path.GetTempPath(), $"tuntas-crash-{Guid.NewGuid():N}.csv");
        HouseholdFileGenerator.Generate(file, 10_000, seed: 3, RegionCode.From("64.08"), messy: 0.05);

        await using var reference = await TestDatabase.CreateAsync(provider);
        var clock = Stopwatch.StartNew();
        Assert.Equal(1, await RunAsync(reference, file));
        var duration = clock.Elapsed;
        var expected = await SnapshotAsync(reference);

        // Kill at moments spread over the run: while the process starts, while rows are staged,
        // while the family rules run, while the register is written.
        var random = new Random(42);
        var kills = 0;
        foreach (var share in new[] { 0.35, 0.6, 0.85 })
        {
            await using var crashed = await TestDatabase.CreateAsync(provider);
            var killAfter = duration * (share + (random.NextDouble() * 0.1));
            var exit = await RunAsync(crashed, file, killAfter);
            var afterKill = await SnapshotAsync(crashed);
            if (exit is null)
            {
                // Killed: either before the commit (nothing of the run is visible) or after it
                // (all of it is); never a part.
                Assert.True(afterKill == Snapshot.Empty || afterKill == expected, $"A killed import left a partial register: {afterKill}.");
                kills += afterKill == Snapshot.Empty ? 1 : 0;
            }
            else
            {
                Assert.Equal(expected, afterKill);
            }

            Assert.Equal(1, await RunAsync(crashed, file));
            Assert.Equal(expected, await SnapshotAsync(crashed));
        }

        Assert.True(kills > 0, "No run was interrupted before its commit; the test proved nothing.");
    }

    /// <summary>Runs the import in its own process; kills it after <paramref name="killAfter"/>; null when killed.</summary>
    private static async Task<int?> RunAsync(TestDatabase database, string file, TimeSpan? killAfter = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { Program, "import", file, "--json", "--db", database.Uri.Display, "--errors", file + $".{Guid.NewGuid():N}.errors.csv" })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (killAfter is { } delay)
        {
            var exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(delay)) != exited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return null;
            }
        }

        await process.WaitForExitAsync();
        Assert.True(process.ExitCode is 0 or 1, $"exit {process.ExitCode}: {await error}");
        await output;
        return process.ExitCode;
    }

    // The import log (ImportBatches) is left out: a run that finished and a second run are two
    // runs. Everything in the register and the quarantine must be identical.
    private sealed record Snapshot(int Households, int People, int Quarantined, string Digest)
    {
        public static readonly Snapshot Empty = new(0, 0, 0, string.Empty);
    }

    private static async Task<Snapshot> SnapshotAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var households = await db.Households.AsNoTracking()
            .Select(h => new { h.NoKk, h.VillageCode, h.Address, h.SpendingPerCapita, h.Desil })
            .ToListAsync();
        var people = await db.People.AsNoTracking()
            .Join(db.Households, p => p.HouseholdId, h => h.Id, (p, h) => new { h.NoKk, p.Nik, p.Name, p.BirthDate, p.Relation })
            .ToListAsync();
        var digest = string.Join("\n", households.Select(h => $"{h.NoKk.Value}|{h.VillageCode.Value}|{h.Address}|{h.SpendingPerCapita}|{h.Desil}").Order(StringComparer.Ordinal))
            + "\n" + string.Join("\n", people.Select(p => $"{p.NoKk.Value}|{p.Nik.Value}|{p.Name}|{p.BirthDate:yyyy-MM-dd}|{p.Relation}").Order(StringComparer.Ordinal));
        var hash = households.Count == 0 ? string.Empty : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(digest)));
        return new Snapshot(households.Count, people.Count, await db.ImportRejectedRows.CountAsync(), hash);
    }
}
