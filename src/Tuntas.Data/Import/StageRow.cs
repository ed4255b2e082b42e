using System.Globalization;
using Tuntas.Domain.Import;

namespace Tuntas.Data.Import;

/// <summary>A checked row on its way into the staging table: the text each staging column gets.</summary>
internal sealed record StageRow(ImportRow Row, string Original)
{
    public static readonly string[] ColumnNames =
    [
        "line", "no_kk", "nik", "village", "district", "regency", "province", "name", "sex", "birth", "relation",
        "address", "spending", "desil", "education", "occupation", "disability", "insurance", "is_head",
        "reject_column", "reject_reason", "warnings", "original",
    ];

    public object?[] Values()
    {
        var r = Row;

        // The village code is dotted and canonical (PP.KK.CC.DDDD): its ancestors are its prefixes.
        var village = r.VillageCode;
        return
        [
            r.Line, r.NoKk, r.Nik, village,
            village?[..8], village?[..5], village?[..2],
            r.Name, r.Sex?.ToString(), r.BirthDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Relation?.ToString(),
            r.Address, r.SpendingPerCapita, r.Desil, r.Education, r.Occupation, r.Disability, r.HealthInsurance, r.IsHead ? 1 : 0,
            r.RejectedColumnName ?? r.RejectedColumn?.Name(), ImportReasons.Encode(r.Reasons), ImportReasons.Encode(r.Warnings), Original,
        ];
    }
}
