using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using static Tuntas.Data.Tests.Import.ImportKit;

namespace Tuntas.Data.Tests.Import;

/// <summary>
/// The rules that look at the whole register answer an importer without revealing households
/// outside the importer's region, and every such answer is kept in the personal-data log.
/// </summary>
public class RegisterElsewhereTests
{
    // Budi's family (KK ...200001) lives in 64.74.01.1001; the operator works in 64.74.01.1002.
    private static readonly RegionScope OperatorOfBontangBaru = new(RegionCode.From("64.74.01.1002"));
    private static readonly RegionScope VerifierOfBontang = new(RegionCode.From("64.74"));

    // Agus's family in 64.74.01.1002, with a member whose NIK is Siti's (in Budi's family).
    private static readonly string Thief = OtherChild.Replace("6474014405100006", "6474015708900003", StringComparison.Ordinal);

    [Theory, DatabaseData]
    public async Task NikOfAHouseholdOutsideTheRegion_IsRefusedWithoutNamingIt_DryRunAndReal(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Wife));

        foreach (var dryRun in new[] { true, false })
        {
            var summary = await ImportAsync(database, Csv(Header, OtherHead, Thief), dryRun, OperatorOfBontangBaru, userName: "op.bontangbaru", role: "operator");

            Assert.Equal((1L, 1L), (summary.Accepted, summary.Rejected));
            var error = Assert.Single(Errors(summary));
            Assert.Equal((3L, "nik", "NIK 6474015708900003 cannot be used here; Dinas Sosial can check it."), error);
            var errorsFile = await File.ReadAllTextAsync(summary.ErrorsFile!);
            Assert.DoesNotContain("6474010101200001", errorsFile, StringComparison.Ordinal);
            Assert.DoesNotContain("64.74.01.1001", errorsFile, StringComparison.Ordinal);
        }

        var indonesian = await ImportAsync(database, Csv(Header, OtherHead, Thief), true, OperatorOfBontangBaru, language: ErrorWords.Indonesian);
        Assert.Equal("NIK 6474015708900003 tidak dapat dipakai di sini; Dinas Sosial dapat memeriksanya.", Errors(indonesian)[0].Reason);

        await using var db = database.CreateContext();
        Assert.Equal(1, await db.People.CountAsync(p => p.Nik == Nik.From("6474015708900003")));
        Assert.True(await db.Households.AnyAsync(h => h.NoKk == NomorKk.From("6474010101200002")));
        var quarantined = await db.ImportRejectedRows.SingleAsync();
        Assert.DoesNotContain("6474010101200001", quarantined.ReasonText(ErrorWords.English), StringComparison.Ordinal);
        var logged = await db.PersonalDataViews.Where(v => v.UserName == "op.bontangbaru").OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(2, logged.Count);
        Assert.All(logged, v => Assert.Equal((PersonalDataLog.ImportElsewhere, "operator", "64.74.01.1002", (int?)1), (v.Action, v.Role, v.Region, v.Count)));
        Assert.EndsWith(" (dry run)", logged[0].Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("dry run", logged[1].Subject, StringComparison.Ordinal);
    }

    [Theory, DatabaseData]
    public async Task VerifierWhoseRegionCoversBothHouseholds_GetsTheFullReason(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Wife));

        var summary = await ImportAsync(database, Csv(Header, OtherHead, Thief), true, VerifierOfBontang, userName: "ver.bontang", role: "verifier");

        Assert.Equal((1L, 1L), (summary.Accepted, summary.Rejected));
        Assert.Contains("already belongs to KK 6474010101200001 in the register", Errors(summary)[0].Reason, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        Assert.False(await db.PersonalDataViews.AnyAsync());
    }

    [Theory, DatabaseData]
    public async Task FamilyRegisteredOutsideTheRegion_IsRefusedWithoutSayingWhere(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ImportAsync(database, Csv(Header, Head, Wife));
        var moved = Head.Replace("64.74.01.1001", "64.74.01.1002", StringComparison.Ordinal);

        var summary = await ImportAsync(database, Csv(Header, OtherHead, OtherChild, moved), true, OperatorOfBontangBaru, userName: "op.bontangbaru", role: "operator");

        Assert.Equal((2L, 1L), (summary.Accepted, summary.Rejected));
        Assert.Equal((4L, "no_kk", "KK 6474010101200001 cannot be used here; Dinas Sosial can check it."), Assert.Single(Errors(summary)));
        Assert.DoesNotContain("64.74.01.1001", await File.ReadAllTextAsync(summary.ErrorsFile!), StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var logged = await db.PersonalDataViews.SingleAsync();
        Assert.Equal(("op.bontangbaru", 1), (logged.UserName, logged.Count));
    }
}
