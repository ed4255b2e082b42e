using System.Globalization;
using System.Xml.Linq;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Domain.Verification;
using Tuntas.Web.Localization;
using Tuntas.Web.Monitoring;
using Tuntas.Web.UpdateCycles;

namespace Tuntas.Web.Tests.Localization;

/// <summary>The words the static helpers put on screen come from the resource files, in both languages.</summary>
public class UiTextTests
{
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

    private static IEnumerable<string> EveryEnumText() =>
        Enum.GetValues<Role>().Select(Formats.RoleName)
            .Concat(Enum.GetValues<Sex>().Select(Formats.Sex))
            .Concat(Enum.GetValues<VisitPurpose>().Select(Formats.Purpose))
            .Concat(Enum.GetValues<VisitTaskState>().Select(Formats.TaskState))
            .Concat(Enum.GetValues<ReviewState>().Select(Formats.Review))
            .Concat(Enum.GetValues<MeetingDecisionKind>().Select(Formats.Decision))
            .Concat(Enum.GetValues<ProposalKind>().Select(Formats.ProposalKind))
            .Concat(Enum.GetValues<CycleStep>().Select(CycleText.Step))
            .Concat(Enum.GetValues<StepState>().Select(UiText.Of))
            .Concat(Enum.GetValues<CycleProposalKind>().Select(CycleText.Kind))
            .Concat(Enum.GetValues<CycleProposalState>().Select(CycleText.ProposalState))
            .Concat(Enum.GetValues<GroundcheckOutcome>().Select(CycleText.Outcome));

    [Fact]
    public void EveryRoleStateAndKind_HasItsOwnWords_NotItsCodeName()
    {
        // In Bahasa Indonesia no word equals its code name, so a missing text cannot hide behind the fallback.
        var texts = InCulture("id", () => EveryEnumText().ToList());
        var codeNames = new[] { typeof(Role), typeof(Sex), typeof(VisitPurpose), typeof(VisitTaskState), typeof(ReviewState), typeof(MeetingDecisionKind),
                typeof(CycleStep), typeof(StepState), typeof(CycleProposalKind), typeof(CycleProposalState), typeof(GroundcheckOutcome) }
            .SelectMany(Enum.GetNames)
            .ToHashSet(StringComparer.Ordinal);

        Assert.Equal(44, texts.Count);
        Assert.DoesNotContain(texts, codeNames.Contains);
    }

    [Fact]
    public void Texts_FollowTheInterfaceLanguage()
    {
        var indonesian = InCulture("id", () => (Formats.RoleName(Role.Verifier), Formats.TaskState(VisitTaskState.Submitted), Formats.Decision(MeetingDecisionKind.Object), Formats.AuditAction("household.status")));
        var english = InCulture("en", () => (Formats.RoleName(Role.Verifier), Formats.TaskState(VisitTaskState.Submitted), Formats.Decision(MeetingDecisionKind.Object), Formats.AuditAction("household.status")));

        Assert.Equal(("Verifikator Dinas Sosial", "Menunggu pemeriksaan", "Diragukan, periksa ulang", "Perubahan status"), indonesian);
        Assert.Equal(("Dinas Sosial verifier", "Waiting for review", "Doubted, check again", "Status change"), english);
    }

    [Fact]
    public void AuditAction_WithoutWords_IsShownAsRecorded()
    {
        Assert.Equal("something.new", InCulture("en", () => Formats.AuditAction("something.new")));
    }

    [Theory]
    [InlineData("id", "64.08.01", "Muara Ancalong", "Kecamatan Muara Ancalong")]
    [InlineData("en", "64.08.01", "Muara Ancalong", "Muara Ancalong (District)")]
    [InlineData("id", "64.74.01.1001", "Bontang Kuala", "Kelurahan Bontang Kuala")]
    [InlineData("en", "64.74.01.1001", "Bontang Kuala", "Bontang Kuala (Urban village)")]
    [InlineData("id", "64.08.01.2001", "Muara Ancalong", "Desa Muara Ancalong")]
    [InlineData("en", "64.08.01.2001", "Muara Ancalong", "Muara Ancalong (Village)")]
    [InlineData("en", "64.74", "Kota Bontang", "Kota Bontang")]
    public void ScopeName_PutsTheKindOfAKecamatanOrDesaWithItsName(string culture, string code, string name, string expected)
    {
        var region = new Region(RegionCode.From(code), name);

        Assert.Equal(expected, InCulture(culture, () => ScopeNames.Of(region)));
    }

    [Fact]
    public void ResourceFiles_HoldTheSameKeys_InBothLanguages()
    {
        static HashSet<string> Keys(string file) =>
            XDocument.Load(Path.Combine(Root(), "src", "Tuntas.Web", "Resources", file)).Root!.Elements("data")
                .Select(d => (string)d.Attribute("name")!).ToHashSet(StringComparer.Ordinal);

        var indonesian = Keys("SharedResource.resx");
        var english = Keys("SharedResource.en.resx");

        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));
    }

    private static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Tuntas.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root was not found above the test output folder.");
    }
}
