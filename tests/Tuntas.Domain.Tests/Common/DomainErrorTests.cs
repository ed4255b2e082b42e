using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Tests.Common;

/// <summary>Every typed error has its words in both languages, with a place for each of its arguments.</summary>
public partial class DomainErrorTests
{
    // The same embedded resources ErrorWords reads, asked one culture at a time without falling back,
    // so that an English text missing from .en.resx is not hidden by the Indonesian one.
    private static readonly ResourceManager Resources = new("Tuntas.Domain.Resources.SharedResource", typeof(DomainError).Assembly);

    private static readonly string[] WordKeys = ["Error.Or", .. Enum.GetNames<NeedSubject>().Select(n => $"Error.NeedSubject.{n}")];

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>Every factory of a typed error (the <c>*Errors</c> classes of the domain), called with sample arguments.</summary>
    public static TheoryData<string, DomainError> EveryError()
    {
        var data = new TheoryData<string, DomainError>();
        foreach (var factory in Factories())
        {
            var error = (DomainError)factory.Invoke(null, [.. factory.GetParameters().Select(p => Sample(p.ParameterType))])!;
            data.Add($"{factory.DeclaringType!.Name}.{factory.Name}", error);
        }

        return data;
    }

    private static IEnumerable<MethodInfo> Factories() =>
        typeof(DomainError).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Name.EndsWith("Errors", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.ReturnType == typeof(DomainError));

    private static object Sample(Type type) => type switch
    {
        _ when type == typeof(string) => "x",
        _ when type == typeof(DateOnly) => new DateOnly(2026, 1, 2),
        _ when type == typeof(DomainError) => CommonErrors.NotADate("x"),
        _ when type.IsEnum => Enum.GetValues(type).GetValue(0)!,
        _ when type.IsAssignableFrom(typeof(string[])) => new[] { "a", "b" },
        _ when type.IsAssignableFrom(typeof(HouseholdStatus[])) => new[] { HouseholdStatus.Verified, HouseholdStatus.Excluded },
        _ when type.IsValueType => Convert.ChangeType(7, type, CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"No sample for {type}."),
    };

    private static string? Own(string key, CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)?.GetString(key);

    private static SortedSet<int> Places(string template) =>
        [.. Placeholder().Matches(template).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    [Fact]
    public void ThereAreFactories_AndTheirCodesAreDistinct()
    {
        var codes = EveryError().Select(row => ((DomainError)row[1]).Code).ToList();

        Assert.True(codes.Count >= 90, $"Only {codes.Count} typed errors were found.");
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory, MemberData(nameof(EveryError))]
    public void EveryError_HasBothTexts_WithAPlaceForEachArgument(string factory, DomainError error)
    {
        var indonesian = Own(error.Key, CultureInfo.InvariantCulture);
        var english = Own(error.Key, ErrorWords.English);
        var expected = new SortedSet<int>(Enumerable.Range(0, error.Args.Length));

        Assert.False(string.IsNullOrWhiteSpace(indonesian), $"{factory}: no Indonesian text for {error.Key}.");
        Assert.False(string.IsNullOrWhiteSpace(english), $"{factory}: no English text for {error.Key}.");
        Assert.Equal(expected, Places(indonesian!));
        Assert.Equal(expected, Places(english!));

        var exception = new DomainException(error);
        Assert.Same(error, exception.Error);
        Assert.DoesNotContain("{", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("{", exception.Indonesian, StringComparison.Ordinal);
    }

    [Fact]
    public void WordsUsedInsideErrors_HaveBothTexts()
    {
        Assert.All(WordKeys, key =>
        {
            Assert.False(string.IsNullOrWhiteSpace(Own(key, CultureInfo.InvariantCulture)), key);
            Assert.False(string.IsNullOrWhiteSpace(Own(key, ErrorWords.English)), key);
        });
    }

    [Fact]
    public void EveryErrorText_BelongsToAnError()
    {
        var known = EveryError().Select(row => ((DomainError)row[1]).Key).Concat(WordKeys).ToHashSet(StringComparer.Ordinal);
        var keys = Resources.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .Select(e => (string)e.Key)
            .Where(k => k.StartsWith("Error.", StringComparison.Ordinal));

        Assert.DoesNotContain(keys, k => !known.Contains(k));
    }

    [Fact]
    public void TypedError_KeepsTheTextsOfBothLanguages()
    {
        var error = new DomainException(RegistryErrors.EffectiveDateInFuture(new DateOnly(2026, 11, 23)));

        Assert.Equal("Registry.EffectiveDateInFuture", error.Error!.Code);
        Assert.Equal("The effective date 2026-11-23 is in the future.", error.Message);
        Assert.Equal("Tanggal berlaku 23-11-2026 ada di masa depan.", error.Indonesian);
    }

    [Fact]
    public void UntypedError_KeepsWhatWasWritten()
    {
        var error = new DomainException("Written.", "Ditulis.");

        Assert.Null(error.Error);
        Assert.Equal(("Written.", "Ditulis."), (error.Message, error.Indonesian));
        Assert.Equal("Only English.", new DomainException("Only English.").Indonesian);
    }
}
