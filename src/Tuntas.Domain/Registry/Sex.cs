namespace Tuntas.Domain.Registry;

/// <summary>Jenis kelamin as on the KTP: L (laki-laki) or P (perempuan).</summary>
public enum Sex
{
    Male = 1,
    Female = 2,
}

public static class SexCodes
{
    /// <summary>The letter used in files and the API: <c>L</c> or <c>P</c>.</summary>
    public static string ToCode(this Sex sex) => sex == Sex.Male ? "L" : "P";

    /// <summary>Accepts L/P, Laki-laki/Perempuan (any case, with or without the dash), and M/F.</summary>
    public static Sex? Parse(string? text)
    {
        var t = (text ?? string.Empty).Trim().Replace("-", string.Empty, StringComparison.Ordinal)
            .Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        return t switch
        {
            "L" or "LAKILAKI" or "LK" or "M" or "MALE" or "PRIA" => Sex.Male,
            "P" or "PEREMPUAN" or "PR" or "F" or "FEMALE" or "WANITA" => Sex.Female,
            _ => null,
        };
    }
}
