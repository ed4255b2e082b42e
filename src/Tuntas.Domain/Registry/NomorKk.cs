using Tuntas.Domain.Common;

namespace Tuntas.Domain.Registry;

/// <summary>The 16-digit number of a Kartu Keluarga (family card).</summary>
public sealed record NomorKk
{
    public const int Length = 16;

    private NomorKk(string digits) => Value = digits;

    public string Value { get; }

    /// <summary>Accepts the 16 digits after removing spaces, dots, dashes and a leading apostrophe.</summary>
    public static ParseResult<NomorKk> Parse(string? text)
    {
        var cleaned = DigitString.Clean(text, "No. KK", Length);
        return cleaned.IsValid ? ParseResult<NomorKk>.Ok(new NomorKk(cleaned.Value!)) : cleaned.As<NomorKk>();
    }

    public static NomorKk From(string digits) => Parse(digits).GetValueOrThrow();

    public override string ToString() => Value;
}
