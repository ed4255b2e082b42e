using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.Tests.Verification;

public class ClassifierTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 3, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly At = new(2026, 6, 30);
    private static readonly RegionCode BontangKuala = RegionCode.From("64.74.01.1001");

    private static readonly WelfareFacts Unknown = new(null, null, null, null, null, null);

    private static PovertyCriteria Criteria(string? desilSource = null) =>
        new(2021, null, 322_170, "BPS 2021: USD 1,90 PPP 2011", Now, "test") { DesilSource = desilSource };

    private static PovertyIndicators FirstIndicators(int count) =>
        PovertyIndicatorNames.All.Take(count).Aggregate(PovertyIndicators.None, (a, b) => a | b);

    private static RuleOutcome Rule(Classification c, string name) => Assert.Single(c.Rules, r => r.Rule == name);

    [Fact]
    public void Classify_SpendingBelowTheLine_IsACandidateOnSpending()
    {
        var result = Classifier.Classify(Unknown with { SpendingPerCapita = 300_000 }, Criteria(), At);

        Assert.True(result.IsCandidate);
        var spending = Rule(result, "spending");
        Assert.True(spending.Met);
        Assert.Equal(300_000, spending.Value);
        Assert.Equal(322_170, spending.Limit);
        Assert.Equal(2021, result.CriteriaYear);
    }

    [Theory]
    [InlineData(322_170)]
    [InlineData(400_000)]
    public void Classify_SpendingAtOrAboveTheLine_IsNotACandidate(long spending)
    {
        var result = Classifier.Classify(Unknown with { SpendingPerCapita = spending }, Criteria(), At);

        Assert.False(result.IsCandidate);
        Assert.True(Rule(result, "spending").Known);
        Assert.False(Rule(result, "spending").Met);
    }

    [Fact]
    public void Classify_Desil1FromTheNamedSource_Counts()
    {
        var result = Classifier.Classify(Unknown with { Desil = 1, DesilSource = "P3KE", DesilPeriod = "2024" }, Criteria("P3KE"), At);

        Assert.True(result.IsCandidate);
        var desil = Rule(result, "desil");
        Assert.True(desil.Met);
        Assert.Equal("P3KE 2024", desil.Detail);
    }

    [Fact]
    public void Classify_Desil1FromAnotherSource_DoesNotCountWhenTheCriteriaNameOne()
    {
        var facts = Unknown with { Desil = 1, DesilSource = "DTKS", DesilPeriod = "2023" };

        var named = Classifier.Classify(facts, Criteria("P3KE"), At);
        var any = Classifier.Classify(facts, Criteria(desilSource: null), At);

        Assert.False(named.IsCandidate);
        Assert.False(Rule(named, "desil_other_source").Met);
        Assert.Contains("Desil 1 (source DTKS 2023) is not used: the criteria use P3KE.", named.Explain(english: true));
        Assert.Contains("Desil 1 (sumber DTKS 2023) tidak dipakai: kriteria memakai P3KE.", named.Explain(english: false));
        Assert.True(any.IsCandidate);
    }

    [Fact]
    public void Classify_Desil2_IsNotACandidate()
    {
        var result = Classifier.Classify(Unknown with { Desil = 2, DesilSource = "P3KE", DesilPeriod = "2024" }, Criteria("P3KE"), At);

        Assert.False(result.IsCandidate);
        Assert.True(Rule(result, "desil").Known);
    }

    [Fact]
    public void Classify_NoShelter_QualifiesOutright()
    {
        var result = Classifier.Classify(Unknown with { NoShelter = true, Indicators = PovertyIndicators.None, SpendingPerCapita = 900_000, AssessedOn = At }, Criteria(), At);

        Assert.True(result.IsCandidate);
        Assert.True(Rule(result, "no_shelter").Met);
        Assert.False(Rule(result, "spending").Met);
    }

    [Theory]
    [InlineData(8, true)]
    [InlineData(6, true)]
    [InlineData(5, false)]
    [InlineData(0, false)]
    public void Classify_IndicatorsAgainstThreshold6(int count, bool candidate)
    {
        var result = Classifier.Classify(Unknown with { Indicators = FirstIndicators(count), NoShelter = false, AssessedOn = At }, Criteria(), At);

        Assert.Equal(candidate, result.IsCandidate);
        var indicators = Rule(result, "indicators");
        Assert.Equal(count, indicators.Value);
        Assert.Equal(6, indicators.Limit);
        Assert.Equal(candidate, indicators.Met);
    }

    [Fact]
    public void Classify_UnknownData_NeverMakesACandidate()
    {
        var result = Classifier.Classify(Unknown, Criteria(), At);

        Assert.False(result.IsCandidate);
        Assert.All(result.Rules, r => Assert.False(r.Known));
        Assert.All(result.Rules, r => Assert.False(r.Met));
        Assert.Contains("Spending per person is not known.", result.Explain(english: true));
    }

    [Fact]
    public void Classify_DesilWithoutItsSource_IsUnknown()
    {
        var result = Classifier.Classify(Unknown with { Desil = 1 }, Criteria(), At);

        Assert.False(result.IsCandidate);
        Assert.False(Rule(result, "desil").Known);
    }

    [Fact]
    public void Classify_FieldAssessment_SupersedesTheDesil()
    {
        var facts = new WelfareFacts(500_000, 1, "P3KE", "2024", FirstIndicators(2), false, new DateOnly(2026, 5, 2));

        var result = Classifier.Classify(facts, Criteria("P3KE"), At);

        Assert.False(result.IsCandidate);
        Assert.DoesNotContain(result.Rules, r => r.Rule == "desil");
        var superseded = Rule(result, "desil_superseded");
        Assert.False(superseded.Met);
        Assert.Equal(1, superseded.Value);
        Assert.Contains("Desil 1 (source P3KE 2024) is not used: a field assessment, which is more direct, exists.", result.Explain(english: true));
    }

    [Fact]
    public void Classify_NoCriteria_NobodyIsACandidate()
    {
        var result = Classifier.Classify(Unknown with { SpendingPerCapita = 1, NoShelter = true }, null, At);

        Assert.False(result.IsCandidate);
        Assert.Equal(["No criteria are configured for this date."], result.Explain(english: true));
    }

    [Fact]
    public void Explain_NamesTheYearsLineInRupiah()
    {
        var result = Classifier.Classify(Unknown with { SpendingPerCapita = 300_000 }, Criteria(), At);

        var english = result.Explain(english: true).ToList();
        var indonesian = result.Explain(english: false).ToList();

        Assert.Equal("Criteria of 2021: poverty line Rp322.170 per person per month (BPS 2021: USD 1,90 PPP 2011).", english[0]);
        Assert.Contains("Spending per person Rp300.000 is below the line Rp322.170: met.", english);
        Assert.Equal("Conclusion: an extreme-poverty candidate.", english[^1]);
        Assert.StartsWith("Kriteria tahun 2021: garis kemiskinan ekstrem Rp322.170 per orang per bulan", indonesian[0], StringComparison.Ordinal);
        Assert.Contains("Pengeluaran per kapita Rp300.000 di bawah garis Rp322.170: memenuhi.", indonesian);
    }

    [Fact]
    public void Classification_SurvivesItsJson()
    {
        var result = Classifier.Classify(new WelfareFacts(300_000, 1, "P3KE", "2024", FirstIndicators(6), false, At), Criteria(), At);

        var back = Classification.FromJson(result.ToJson())!;

        Assert.Equal(result.IsCandidate, back.IsCandidate);
        Assert.Equal(result.Rules, back.Rules);
        Assert.Equal(result.Explain(english: true), back.Explain(english: true));
    }

    [Fact]
    public void Select_YearWithoutItsOwnLine_UsesTheLatestEarlierOne()
    {
        var y2021 = new PovertyCriteria(2021, null, 322_170, "BPS 2021", Now, "test");
        var y2024 = new PovertyCriteria(2024, null, 400_000, "BPS 2024", Now, "test");
        PovertyCriteria[] all = [y2024, y2021];

        Assert.Same(y2021, PovertyCriteria.Select(all, BontangKuala, new DateOnly(2023, 12, 31)));
        Assert.Same(y2024, PovertyCriteria.Select(all, BontangKuala, new DateOnly(2024, 1, 1)));
        Assert.Same(y2024, PovertyCriteria.Select(all, BontangKuala, new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void Select_RegionSpecificLine_BeatsTheNationalOne()
    {
        var national = new PovertyCriteria(2024, null, 400_000, "BPS 2024", Now, "test");
        var bontang = new PovertyCriteria(2024, RegionCode.From("64.74"), 450_000, "BPS Kota Bontang 2024", Now, "test");
        var kaltim = new PovertyCriteria(2024, RegionCode.From("64"), 420_000, "BPS Kaltim 2024", Now, "test");
        PovertyCriteria[] all = [national, bontang, kaltim];

        Assert.Same(bontang, PovertyCriteria.Select(all, BontangKuala, At));
        Assert.Same(kaltim, PovertyCriteria.Select(all, RegionCode.From("64.08.01.2001"), At));
        Assert.Same(national, PovertyCriteria.Select(all, RegionCode.From("63.71.01.1001"), At));
    }

    [Fact]
    public void Select_BeforeTheFirstYear_IsNull()
    {
        PovertyCriteria[] all = [new(2021, null, 322_170, "BPS 2021", Now, "test")];

        Assert.Null(PovertyCriteria.Select(all, BontangKuala, new DateOnly(2020, 12, 31)));
        Assert.Null(PovertyCriteria.Select([], BontangKuala, At));
    }
}
