using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Tuntas.Data.Common;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;
using Tuntas.Web.Common;

namespace Tuntas.Web.Tests.Localization;

/// <summary>A typed domain error is given its words by the page, from the same resources as the rest of the interface.</summary>
public class DomainErrorWordsTests
{
    private static readonly IStringLocalizer<SharedResource> Text = new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    private static T InCulture<T>(string culture, Func<T> read)
    {
        var (ui, format) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, format);
        }
    }

    private static WriteError Broken(DomainError error) => new WriteError.RuleBroken(new DomainException(error));

    [Theory, DatabaseData]
    public async Task TypedError_IsIndonesianByDefault_AndEnglishUnderEn_InTheApp(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        var text = app.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var error = Broken(RegistryErrors.AlreadyInStatus("6474010101010001", HouseholdStatus.Graduated));

        Assert.Equal("KK 6474010101010001 sudah berstatus Graduasi.", InCulture("id", () => error.Words(text)));
        Assert.Equal("KK 6474010101010001 sudah berstatus Graduasi.", InCulture(CultureInfo.InvariantCulture.Name, () => error.Words(text)));
        Assert.Equal("KK 6474010101010001 is already graduated.", InCulture("en", () => error.Words(text)));
    }

    [Fact]
    public void WordsInTheError_FollowTheLanguage()
    {
        var dates = Broken(RegistryErrors.EffectiveDateBeforeLastChange(new DateOnly(2026, 1, 5), new DateOnly(2026, 1, 7)));
        var transition = Broken(RegistryErrors.TransitionNotAllowed(HouseholdStatus.Listed, HouseholdStatus.Graduated, [HouseholdStatus.Verified, HouseholdStatus.Excluded]));
        var subjects = Broken(InterventionErrors.FactOfOtherSubject("indikator", NeedSubject.Household, NeedSubject.Member));
        var operators = Broken(InterventionErrors.OperatorNotForFact("umur", ["in", "greater-than"], "any-flag"));

        Assert.Equal(
            "Tanggal berlaku 05-01-2026 sebelum perubahan terakhir (07-01-2026); riwayat tidak boleh ditulis ulang.",
            InCulture("id", () => dates.Words(Text)));
        Assert.Equal(
            "The effective date 2026-01-05 is before the last change (2026-01-07); history is not rewritten.",
            InCulture("en", () => dates.Words(Text)));
        Assert.Equal(
            "Keluarga berstatus Terdata tidak dapat diubah menjadi Graduasi; yang mungkin: Terverifikasi Miskin Ekstrem, Tidak Memenuhi Kriteria.",
            InCulture("id", () => transition.Words(Text)));
        Assert.Equal(
            "A household that is listed cannot become graduated; it can become verified, excluded.",
            InCulture("en", () => transition.Words(Text)));
        Assert.Equal("Fakta indikator milik keluarga, bukan anggota.", InCulture("id", () => subjects.Words(Text)));
        Assert.Equal("The fact indikator belongs to a household, not to a member.", InCulture("en", () => subjects.Words(Text)));
        Assert.Equal("Fakta umur dibandingkan dengan in atau greater-than, bukan any-flag.", InCulture("id", () => operators.Words(Text)));
        Assert.Equal("The fact umur is compared with in or greater-than, not any-flag.", InCulture("en", () => operators.Words(Text)));
    }

    [Fact]
    public void ThePageWords_AreTheExceptionsTexts()
    {
        // The command line and the data layer read Message and Indonesian; the pages read the resources: the same words.
        foreach (var error in new[]
        {
            RegistryErrors.ExitNeedsEvidence(HouseholdStatus.Graduated),
            InterventionErrors.AmountTooLarge(2_000_000_000),
            InterventionErrors.DeliveryInFuture(new DateOnly(2031, 2, 3)),
            Domain.ClaimAudit.ClaimAuditErrors.PopulationOutOfRange(Domain.ClaimAudit.ErrorRateEstimate.MaxPopulation),
        })
        {
            var (indonesian, inId) = InCulture("id", () => (new DomainException(error).Indonesian, new DomainException(error).Words(Text)));
            var (english, inEn) = InCulture("en", () => (new DomainException(error).Message, new DomainException(error).Words(Text)));
            Assert.Equal(indonesian, inId);
            Assert.Equal(english, inEn);
        }
    }

    [Fact]
    public void UntypedError_IsShownAsWritten()
    {
        var error = new WriteError.RuleBroken(new DomainException("Written in English.", "Ditulis dalam bahasa Indonesia."));

        Assert.Equal("Ditulis dalam bahasa Indonesia.", InCulture("id", () => error.Words(Text)));
        Assert.Equal("Written in English.", InCulture("en", () => error.Words(Text)));
    }

    [Fact]
    public void TheDomainReadsTheSameEntries_AsThePages()
    {
        foreach (var culture in new[] { "id", "en" })
        {
            var entries = InCulture(culture, () => Text.GetAllStrings(includeParentCultures: true)
                .Where(s => s.Name.StartsWith("Error.", StringComparison.Ordinal))
                .ToList());

            Assert.NotEmpty(entries);
            Assert.All(entries, s => Assert.Equal(s.Value, ErrorWords.Find(s.Name, new CultureInfo(culture))));
        }
    }
}
