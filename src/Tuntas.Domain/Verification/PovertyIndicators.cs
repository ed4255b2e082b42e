namespace Tuntas.Domain.Verification;

/// <summary>
/// The eight indicators of fakir miskin in Kepmensos 262/HUK/2022. A household with no shelter
/// qualifies outright (kept apart, see <see cref="Registry.Household.NoShelter"/>); otherwise the indicators
/// that hold are counted against a threshold.
/// </summary>
[Flags]
public enum PovertyIndicators
{
    None = 0,
    HeadNotWorking = 1,
    FoodInsecure = 2,
    FoodOverHalfOfSpending = 4,
    NoClothesBoughtInAYear = 8,
    EarthOrPlasterFloor = 16,
    NonPermanentWalls = 32,
    NoOwnToilet = 64,
    ElectricityUnder450VaOrNone = 128,
}

public static class PovertyIndicatorNames
{
    public static readonly IReadOnlyList<PovertyIndicators> All =
    [
        PovertyIndicators.HeadNotWorking,
        PovertyIndicators.FoodInsecure,
        PovertyIndicators.FoodOverHalfOfSpending,
        PovertyIndicators.NoClothesBoughtInAYear,
        PovertyIndicators.EarthOrPlasterFloor,
        PovertyIndicators.NonPermanentWalls,
        PovertyIndicators.NoOwnToilet,
        PovertyIndicators.ElectricityUnder450VaOrNone,
    ];

    public static int Count(this PovertyIndicators set) => System.Numerics.BitOperations.PopCount((uint)set);

    public static IEnumerable<PovertyIndicators> Each(this PovertyIndicators set) => All.Where(i => set.HasFlag(i));

    /// <summary>The short code used in files and JSON.</summary>
    public static string ToWire(this PovertyIndicators indicator) => indicator switch
    {
        PovertyIndicators.HeadNotWorking => "kepala_tidak_bekerja",
        PovertyIndicators.FoodInsecure => "rawan_pangan",
        PovertyIndicators.FoodOverHalfOfSpending => "pangan_lebih_separuh",
        PovertyIndicators.NoClothesBoughtInAYear => "tidak_beli_pakaian",
        PovertyIndicators.EarthOrPlasterFloor => "lantai_tanah",
        PovertyIndicators.NonPermanentWalls => "dinding_tidak_permanen",
        PovertyIndicators.NoOwnToilet => "tanpa_jamban_sendiri",
        PovertyIndicators.ElectricityUnder450VaOrNone => "listrik_450va_atau_tidak_ada",
        _ => indicator.ToString(),
    };

    /// <summary>The indicator of a short code (<see cref="ToWire"/>), or null.</summary>
    public static PovertyIndicators? Parse(string? code) =>
        All.FirstOrDefault(i => string.Equals(i.ToWire(), code?.Trim(), StringComparison.OrdinalIgnoreCase)) is var found && found != PovertyIndicators.None ? found : null;

    public static string ToIndonesian(this PovertyIndicators indicator) => indicator switch
    {
        PovertyIndicators.HeadNotWorking => "Kepala keluarga tidak bekerja",
        PovertyIndicators.FoodInsecure => "Rawan pangan (makan kurang dari dua kali sehari)",
        PovertyIndicators.FoodOverHalfOfSpending => "Pengeluaran pangan lebih dari separuh pengeluaran",
        PovertyIndicators.NoClothesBoughtInAYear => "Tidak mampu membeli pakaian setahun sekali",
        PovertyIndicators.EarthOrPlasterFloor => "Lantai tanah atau plesteran",
        PovertyIndicators.NonPermanentWalls => "Dinding tidak permanen (bambu, kayu murah)",
        PovertyIndicators.NoOwnToilet => "Tidak punya jamban sendiri",
        PovertyIndicators.ElectricityUnder450VaOrNone => "Listrik 450 VA atau tanpa listrik",
        _ => indicator.ToString(),
    };

    public static string ToEnglish(this PovertyIndicators indicator) => indicator switch
    {
        PovertyIndicators.HeadNotWorking => "Head of family not working",
        PovertyIndicators.FoodInsecure => "Food insecure (fewer than two meals a day)",
        PovertyIndicators.FoodOverHalfOfSpending => "Food is more than half of spending",
        PovertyIndicators.NoClothesBoughtInAYear => "Cannot buy clothes once a year",
        PovertyIndicators.EarthOrPlasterFloor => "Earth or plaster floor",
        PovertyIndicators.NonPermanentWalls => "Non-permanent walls (bamboo, cheap wood)",
        PovertyIndicators.NoOwnToilet => "No toilet of its own",
        PovertyIndicators.ElectricityUnder450VaOrNone => "Electricity 450 VA or none",
        _ => indicator.ToString(),
    };
}
