using System.Text.Json;
using System.Text.Json.Serialization;

namespace Tuntas.Domain.Verification;

/// <summary>What is known of a household's welfare, as classification reads it.</summary>
public sealed record WelfareFacts(
    long? SpendingPerCapita,
    int? Desil,
    string? DesilSource,
    string? DesilPeriod,
    PovertyIndicators? Indicators,
    bool? NoShelter,
    DateOnly? AssessedOn = null);

/// <summary>One rule of the criteria and whether it made the household a candidate.</summary>
/// <param name="Rule"><c>spending</c>, <c>desil</c>, <c>no_shelter</c> or <c>indicators</c>.</param>
/// <param name="Met">The rule holds: by itself it makes the household a candidate.</param>
/// <param name="Known">The data the rule needs is there; an unknown value never makes a candidate.</param>
/// <param name="Value">The household's value (spending, desil, indicator count).</param>
/// <param name="Limit">The criteria's limit for that value.</param>
/// <param name="Detail">The desil source, or the indicators that hold.</param>
public sealed record RuleOutcome(string Rule, bool Met, bool Known, long? Value = null, long? Limit = null, string? Detail = null);

/// <summary>
/// The result of classifying a household against the criteria of a day, with its reasons: which
/// rules held, with which values, and which year's line was used.
/// </summary>
public sealed record Classification(bool IsCandidate, int CriteriaYear, string? CriteriaRegion, long Line, string LineSource, DateOnly At, IReadOnlyList<RuleOutcome> Rules)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    /// <summary>Classification when no criteria are configured for the day: nobody is a candidate.</summary>
    public static Classification NoCriteria(DateOnly at) => new(false, 0, null, 0, "", at, []);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static Classification? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<Classification>(json, Json);

    /// <summary>Why, in plain words, one sentence per rule, in Bahasa Indonesia or English.</summary>
    public IEnumerable<string> Explain(bool english)
    {
        if (CriteriaYear == 0)
        {
            yield return english ? "No criteria are configured for this date." : "Belum ada kriteria untuk tanggal ini.";
            yield break;
        }

        yield return english
            ? $"Criteria of {CriteriaYear}{(CriteriaRegion is null ? "" : $" for region {CriteriaRegion}")}: poverty line {Rupiah(Line)} per person per month ({LineSource})."
            : $"Kriteria tahun {CriteriaYear}{(CriteriaRegion is null ? "" : $" untuk wilayah {CriteriaRegion}")}: garis kemiskinan ekstrem {Rupiah(Line)} per orang per bulan ({LineSource}).";
        foreach (var r in Rules)
        {
            yield return (r.Rule, r.Known, r.Met, english) switch
            {
                ("spending", false, _, false) => "Pengeluaran per kapita belum diketahui.",
                ("spending", false, _, true) => "Spending per person is not known.",
                ("spending", true, true, false) => $"Pengeluaran per kapita {Rupiah(r.Value)} di bawah garis {Rupiah(r.Limit)}: memenuhi.",
                ("spending", true, true, true) => $"Spending per person {Rupiah(r.Value)} is below the line {Rupiah(r.Limit)}: met.",
                ("spending", true, false, false) => $"Pengeluaran per kapita {Rupiah(r.Value)} tidak di bawah garis {Rupiah(r.Limit)}.",
                ("spending", true, false, true) => $"Spending per person {Rupiah(r.Value)} is not below the line {Rupiah(r.Limit)}.",
                ("desil", false, _, false) => $"Desil belum diketahui{Source(r, false)}.",
                ("desil", false, _, true) => $"Desil is not known{Source(r, true)}.",
                ("desil", true, true, false) => $"Desil {r.Value}{Source(r, false)} ≤ {r.Limit}: memenuhi.",
                ("desil", true, true, true) => $"Desil {r.Value}{Source(r, true)} ≤ {r.Limit}: met.",
                ("desil", true, false, false) => $"Desil {r.Value}{Source(r, false)} di atas {r.Limit}.",
                ("desil", true, false, true) => $"Desil {r.Value}{Source(r, true)} is above {r.Limit}.",
                ("desil_other_source", _, _, false) => $"Desil {r.Value} (sumber {r.Detail?.Split('|')[0]}) tidak dipakai: kriteria memakai {r.Detail?.Split('|')[1]}.",
                ("desil_other_source", _, _, true) => $"Desil {r.Value} (source {r.Detail?.Split('|')[0]}) is not used: the criteria use {r.Detail?.Split('|')[1]}.",
                ("desil_superseded", _, _, false) => $"Desil {r.Value}{Source(r, false)} tidak dipakai: sudah ada penilaian lapangan yang lebih langsung.",
                ("desil_superseded", _, _, true) => $"Desil {r.Value}{Source(r, true)} is not used: a field assessment, which is more direct, exists.",
                ("no_shelter", false, _, false) => "Tempat tinggal belum dinilai di lapangan.",
                ("no_shelter", false, _, true) => "Shelter has not been assessed in the field.",
                ("no_shelter", true, true, false) => "Tidak punya tempat tinggal: langsung memenuhi (Kepmensos 262/HUK/2022).",
                ("no_shelter", true, true, true) => "No shelter: qualifies outright (Kepmensos 262/HUK/2022).",
                ("no_shelter", true, false, false) => "Punya tempat tinggal.",
                ("no_shelter", true, false, true) => "Has shelter.",
                ("indicators", false, _, false) => "Indikator Kepmensos 262/HUK/2022 belum dinilai di lapangan.",
                ("indicators", false, _, true) => "The Kepmensos 262/HUK/2022 indicators have not been assessed in the field.",
                ("indicators", true, var met, false) => $"{r.Value} dari 8 indikator terpenuhi (ambang {r.Limit}){(met ? ": memenuhi" : "")}.",
                ("indicators", true, var met, true) => $"{r.Value} of 8 indicators hold (threshold {r.Limit}){(met ? ": met" : "")}.",
                _ => r.Rule,
            };
        }

        yield return (IsCandidate, english) switch
        {
            (true, false) => "Kesimpulan: calon miskin ekstrem.",
            (true, true) => "Conclusion: an extreme-poverty candidate.",
            (false, false) => "Kesimpulan: bukan calon miskin ekstrem.",
            (false, true) => "Conclusion: not an extreme-poverty candidate.",
        };
    }

    private static string Source(RuleOutcome r, bool english) =>
        r.Detail is null ? "" : english ? $" (source {r.Detail})" : $" (sumber {r.Detail})";

    private static string Rupiah(long? value) => value is null ? "-" : Common.Rupiah.Format(value.Value);
}

/// <summary>Applies the criteria to a household's facts. Pure: the same facts and criteria give the same result.</summary>
public static class Classifier
{
    public static Classification Classify(WelfareFacts facts, PovertyCriteria? criteria, DateOnly at)
    {
        if (criteria is null)
        {
            return Classification.NoCriteria(at);
        }

        var rules = new List<RuleOutcome>(4);

        var spending = facts.SpendingPerCapita;
        rules.Add(new RuleOutcome("spending", spending < criteria.LinePerCapita, spending is not null, spending, criteria.LinePerCapita));

        // A field assessment is direct observation; once there is one, the national ranking (a
        // proxy, often years old) no longer decides on its own.
        var assessed = facts.AssessedOn is not null && facts.Indicators is not null;
        var desilCounts = !assessed
            && facts.Desil is not null
            && facts.DesilSource is not null
            && (criteria.DesilSource is null || string.Equals(criteria.DesilSource, facts.DesilSource, StringComparison.OrdinalIgnoreCase))
            && (criteria.DesilPeriod is null || string.Equals(criteria.DesilPeriod, facts.DesilPeriod, StringComparison.OrdinalIgnoreCase));
        var source = facts.DesilSource is null ? null : $"{facts.DesilSource} {facts.DesilPeriod}".Trim();
        var criteriaSource = criteria.DesilSource is null ? null : $"{criteria.DesilSource} {criteria.DesilPeriod}".Trim();
        rules.Add((assessed, facts.Desil, desilCounts) switch
        {
            (true, not null, _) => new RuleOutcome("desil_superseded", false, true, facts.Desil, criteria.DesilMax, source),
            (false, not null, false) when facts.DesilSource is not null => new RuleOutcome("desil_other_source", false, true, facts.Desil, criteria.DesilMax, $"{source}|{criteriaSource}"),
            _ => new RuleOutcome("desil", desilCounts && facts.Desil <= criteria.DesilMax, desilCounts, desilCounts ? facts.Desil : null, criteria.DesilMax, desilCounts ? source : criteriaSource),
        });

        rules.Add(new RuleOutcome("no_shelter", facts.NoShelter == true, facts.NoShelter is not null));

        var count = facts.Indicators?.Count();
        rules.Add(new RuleOutcome("indicators", count >= criteria.IndicatorThreshold, count is not null, count, criteria.IndicatorThreshold,
            facts.Indicators is { } set ? string.Join(",", set.Each().Select(i => i.ToWire())) : null));

        return new Classification(rules.Any(r => r.Met), criteria.Year, criteria.Region?.Value, criteria.LinePerCapita, criteria.LineSource, at, rules);
    }
}
