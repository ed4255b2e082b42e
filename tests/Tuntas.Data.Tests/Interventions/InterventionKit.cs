using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Common;
using Tuntas.Data.Interventions;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Tests.Interventions;

/// <summary>Verified caseloads and recipient lists for the intervention tests.</summary>
internal static class InterventionKit
{
    public static readonly DateOnly ListedOn = new(2025, 1, 10);
    public static readonly DateOnly VerifiedOn = new(2025, 2, 3);

    /// <summary>
    /// Families <paramref name="first"/>.. of Bontang Kuala, listed and then verified extreme poor by an
    /// approved visit; the village operator is saved with the first batch only.
    /// </summary>
    public static async Task<Household[]> VerifiedAsync(ServiceProvider services, int count, int first = 1, bool saveOperator = true)
    {
        var families = Enumerable.Range(first, count).Select(n => VervalKit.Family(n, spending: 250_000)).ToArray();
        if (saveOperator)
        {
            await VervalKit.SaveAsync(services, families);
        }
        else
        {
            await using var unit = VervalKit.Open(services);
            unit.Db.Households.AddRange(families);
            await unit.Db.SaveChangesAsync();
        }

        await VervalKit.RunAsync(services, async unit =>
        {
            foreach (var family in families)
            {
                unit.Db.Attach(family);
                VervalKit.List(unit, family, ListedOn);
                await VervalKit.VisitAsync(unit, family, VerifiedOn, HouseholdStatus.Verified);
            }
        });
        return families;
    }

    /// <summary>A recipient list as an agency sends it.</summary>
    public static string List(params string[] rows)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-list-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, "nik,no_kk,tanggal,nilai,keterangan\n" + string.Join("\n", rows) + "\n", new UTF8Encoding(false));
        return path;
    }

    public static async Task<RecipientImportSummary> ImportAsync(ServiceProvider services, string path, string programme = "PKH", RegionScope? scope = null, DateOnly? date = null)
    {
        var result = await TryImportAsync(services, path, programme, scope, date: date);
        return result.Value ?? throw new InvalidOperationException(result.Error!.English);
    }

    /// <summary>An import as the use case answers it: the summary, or why the list was refused.</summary>
    public static async Task<WriteResult<RecipientImportSummary>> TryImportAsync(
        ServiceProvider services, string path, string programme = "PKH", RegionScope? scope = null, bool dryRun = false, DateOnly? date = null)
    {
        await using var unit = VervalKit.Open(services);
        return await unit.Scope<ImportRecipientList>().RunAsync(new RecipientImportOptions(path, programme, path + ".errors.csv", scope ?? RegionScope.National, "dinsos.bontang", dryRun) { Date = date });
    }

    public static async Task<GapsReport> GapsAsync(ServiceProvider services, string region, DateOnly at)
    {
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<GapsQuery>().ComputeAsync(Domain.Regions.RegionCode.From(region), at))!;
    }

    /// <summary>The NIK of family n's head, as <see cref="VervalKit.Family"/> makes it.</summary>
    public static string Nik(int n) => $"6474011708{n:000000}";

    public static string NoKk(int n) => $"6474010101{n:000000}";
}
