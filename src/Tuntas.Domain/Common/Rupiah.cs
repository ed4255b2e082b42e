using System.Globalization;

namespace Tuntas.Domain.Common;

/// <summary>Whole rupiah written the Indonesian way, whatever the machine's culture: <c>Rp1.250.000</c>.</summary>
public static class Rupiah
{
    public static string Format(long amount) =>
        "Rp" + amount.ToString("#,0", CultureInfo.InvariantCulture).Replace(',', '.');
}
