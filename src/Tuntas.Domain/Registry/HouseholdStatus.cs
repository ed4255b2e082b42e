namespace Tuntas.Domain.Registry;

/// <summary>
/// Where a household stands in the extreme-poverty caseload. <see cref="Registered"/> households are
/// in the register but not in the caseload; the transitions between statuses (with actor, reason and
/// evidence) belong to the verification feature.
/// </summary>
public enum HouseholdStatus
{
    /// <summary>In the register; not (or not yet) a candidate for the caseload.</summary>
    Registered = 0,

    /// <summary>Terdata: a candidate, listed but not yet field-confirmed.</summary>
    Listed = 1,

    /// <summary>Terverifikasi Miskin Ekstrem: confirmed in the field.</summary>
    Verified = 2,

    /// <summary>Graduasi: re-assessed above the criteria.</summary>
    Graduated = 3,

    /// <summary>Tidak Memenuhi Kriteria: verification found it never qualified.</summary>
    Excluded = 4,

    Moved = 5,
    Deceased = 6,

    /// <summary>Digabung (Duplikat): a duplicate of another household.</summary>
    Merged = 7,
}

public static class HouseholdStatusNames
{
    /// <summary>The wire name used in the API and on the command line.</summary>
    public static string ToWire(this HouseholdStatus status) => status.ToString().ToLowerInvariant();

    public static HouseholdStatus? ParseWire(string? text) =>
        Enum.GetValues<HouseholdStatus>().Cast<HouseholdStatus?>()
            .FirstOrDefault(s => string.Equals(s!.Value.ToWire(), text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The Bahasa Indonesia label shown on screen.</summary>
    public static string ToIndonesian(this HouseholdStatus status) => status switch
    {
        HouseholdStatus.Registered => "Terdaftar",
        HouseholdStatus.Listed => "Terdata",
        HouseholdStatus.Verified => "Terverifikasi Miskin Ekstrem",
        HouseholdStatus.Graduated => "Graduasi",
        HouseholdStatus.Excluded => "Tidak Memenuhi Kriteria",
        HouseholdStatus.Moved => "Pindah",
        HouseholdStatus.Deceased => "Meninggal",
        HouseholdStatus.Merged => "Digabung (Duplikat)",
        _ => status.ToString(),
    };

    public static string ToEnglish(this HouseholdStatus status) => status switch
    {
        HouseholdStatus.Registered => "Registered",
        HouseholdStatus.Listed => "Listed",
        HouseholdStatus.Verified => "Verified extreme poor",
        HouseholdStatus.Graduated => "Graduated",
        HouseholdStatus.Excluded => "Does not meet the criteria",
        HouseholdStatus.Moved => "Moved",
        HouseholdStatus.Deceased => "Deceased",
        HouseholdStatus.Merged => "Merged (duplicate)",
        _ => status.ToString(),
    };
}
