using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Testing;

/// <summary>Builds families for tests; sex and birth date are read from each NIK so that they agree.</summary>
public static class Families
{
    public static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);

    public static Household Family(string noKk, string village, params (string Nik, string Name, FamilyRelation Relation)[] members)
    {
        var household = new Household(NomorKk.From(noKk), RegionCode.From(village), Now);
        foreach (var (nik, name, relation) in members)
        {
            var explained = NikExplainer.Explain(nik, DateOnly.FromDateTime(Now));
            household.AddMember(Nik.From(nik), name, explained.Sex!.Value, explained.BirthDate!.Value, relation, Now);
        }

        return household;
    }

    /// <summary>Two families in Kota Bontang (two kelurahan of Bontang Utara) and one in Kutai Timur.</summary>
    public static IReadOnlyList<Household> ThreeFamilies() =>
    [
        Family("6474010101200001", "64.74.01.1001", ("6474011708850002", "Budi Santoso", FamilyRelation.KepalaKeluarga)),
        Family("6474010101200002", "64.74.01.1002", ("6474011708850003", "Agus Salim", FamilyRelation.KepalaKeluarga), ("6474015708900004", "Siti Rahayu", FamilyRelation.Istri)),
        Family("6408010101200003", "64.08.01.2001", ("6408011708850005", "Rahmat Hidayat", FamilyRelation.KepalaKeluarga)),
    ];
}
