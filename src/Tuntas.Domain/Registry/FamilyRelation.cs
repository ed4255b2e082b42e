namespace Tuntas.Domain.Registry;

/// <summary>Hubungan dalam keluarga: a member's relation to the head, as printed on the Kartu Keluarga.</summary>
public enum FamilyRelation
{
    KepalaKeluarga = 1,
    Suami = 2,
    Istri = 3,
    Anak = 4,
    Menantu = 5,
    Cucu = 6,
    OrangTua = 7,
    Mertua = 8,
    FamiliLain = 9,
    Lainnya = 10,
}

public static class FamilyRelationNames
{
    private static readonly Dictionary<string, FamilyRelation> ByKey = new(StringComparer.Ordinal)
    {
        ["KEPALAKELUARGA"] = FamilyRelation.KepalaKeluarga,
        ["KK"] = FamilyRelation.KepalaKeluarga,
        ["KEPALA"] = FamilyRelation.KepalaKeluarga,
        ["SUAMI"] = FamilyRelation.Suami,
        ["ISTRI"] = FamilyRelation.Istri,
        ["ISTERI"] = FamilyRelation.Istri,
        ["ANAK"] = FamilyRelation.Anak,
        ["MENANTU"] = FamilyRelation.Menantu,
        ["CUCU"] = FamilyRelation.Cucu,
        ["ORANGTUA"] = FamilyRelation.OrangTua,
        ["MERTUA"] = FamilyRelation.Mertua,
        ["FAMILILAIN"] = FamilyRelation.FamiliLain,
        ["LAINNYA"] = FamilyRelation.Lainnya,
    };

    /// <summary>The label as written on the Kartu Keluarga and in import files.</summary>
    public static string ToLabel(this FamilyRelation relation) => relation switch
    {
        FamilyRelation.KepalaKeluarga => "Kepala Keluarga",
        FamilyRelation.OrangTua => "Orang Tua",
        FamilyRelation.FamiliLain => "Famili Lain",
        _ => relation.ToString(),
    };

    /// <summary>Accepts the labels of the Kartu Keluarga in any case, with or without spaces, dashes and underscores.</summary>
    public static FamilyRelation? Parse(string? text)
    {
        var key = new string((text ?? string.Empty).Where(char.IsLetter).ToArray()).ToUpperInvariant();
        return ByKey.TryGetValue(key, out var relation) ? relation : null;
    }
}
