using Microsoft.Extensions.Localization;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Web.Localization;

namespace Tuntas.Web.Verification;

/// <summary>
/// What a visit's answers are set against: the household's previous visit, or the register's values
/// when there is none. The visit form shows it beside each field (never as the field's value); the
/// review page shows it beside the new answers with each change named.
/// </summary>
public sealed class VisitBaseline(Visit? previous, Household household, IStringLocalizer text)
{
    public Visit? Previous => previous;

    /// <summary>The fields a visitor observes, by the key <see cref="Before"/> and <see cref="Of"/> read, with their labels.</summary>
    public IReadOnlyList<(string Key, string Label)> Fields =>
    [
        ("Found", text["HouseholdFound"]),
        ("MetPerson", text["MetPerson"]),
        .. PovertyIndicatorNames.All.Select(i => (i.ToString(), Formats.Indicator(i))),
        ("NoShelter", text["NoShelter"]),
        ("SpendingPerCapita", text["SpendingEstimate"]),
        ("MembersPresent", text["MembersPresent"]),
        ("MembersMoved", text["MembersMoved"]),
        ("MembersDeceased", text["MembersDeceased"]),
        ("MembersBorn", text["MembersBorn"]),
        ("Recommendation", text["Recommendation"]),
    ];

    /// <summary>"Kunjungan sebelumnya (12 Maret 2025)" or "Data register".</summary>
    public string Source => previous is { } p ? text["PreviousVisitOn", Formats.Date(p.VisitedOn)] : text["RegisterValues"];

    /// <summary>The earlier value of a field in words, or null when neither a previous visit nor the register has one.</summary>
    public string? Before(string key) => previous is { } p ? Of(p, key) : Register(key);

    /// <summary>"Kunjungan sebelumnya (12 Maret 2025): ya", or null when there is nothing to show.</summary>
    public string? Hint(string key) => Before(key) is { } value ? $"{Source}: {value}" : null;

    /// <summary>A visit's answer to a field in words.</summary>
    public string? Of(Visit visit, string key) => key switch
    {
        "Found" => YesNo(visit.Found),
        "MetPerson" => string.IsNullOrWhiteSpace(visit.MetPerson) ? "–" : visit.MetPerson,
        "NoShelter" => YesNo(visit.NoShelter),
        "SpendingPerCapita" => Formats.Rupiah(visit.SpendingPerCapita),
        "MembersPresent" => Formats.Count(visit.MembersPresent),
        "MembersMoved" => Formats.Count(visit.MembersMoved),
        "MembersDeceased" => Formats.Count(visit.MembersDeceased),
        "MembersBorn" => Formats.Count(visit.MembersBorn),
        "Recommendation" => visit.Recommendation is { } r ? Formats.Status(r) : text["NoChange"],
        _ when Enum.TryParse<PovertyIndicators>(key, out var indicator) => YesNo(visit.Indicators.HasFlag(indicator)),
        _ => null,
    };

    private string? Register(string key) => key switch
    {
        "NoShelter" => household.NoShelter is { } b ? YesNo(b) : null,
        "SpendingPerCapita" => household.SpendingPerCapita is null ? null : Formats.Rupiah(household.SpendingPerCapita),
        "MembersPresent" => Formats.Count(household.Members.Count),
        _ when household.Indicators is { } set && Enum.TryParse<PovertyIndicators>(key, out var indicator) => YesNo(set.HasFlag(indicator)),
        _ => null,
    };

    private string YesNo(bool value) => value ? text["AnswerYes"] : text["AnswerNo"];
}
