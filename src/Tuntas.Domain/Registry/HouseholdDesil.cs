namespace Tuntas.Domain.Registry;

/// <summary>
/// One dated fact of a family's desil: the welfare decile a ranking gave it (DTSEN by BPS, P3KE, DTKS,
/// a local survey), the date of that ranking's version, and who recorded it when, from which import.
/// A family's desil on a day is the latest version not after that day (<see cref="DesilHistory.InForce"/>);
/// the household's own <c>Desil</c> columns hold the one in force today.
/// </summary>
public sealed class HouseholdDesil
{
    public HouseholdDesil(long householdId, int desil, string source, DateOnly version, string recordedBy, DateTime recordedAt, long? desilImportId = null, long? importBatchId = null)
    {
        if (desil is < 1 or > 10)
        {
            throw new Common.DomainException(RegistryErrors.DesilOutOfRange(desil));
        }

        if (string.IsNullOrWhiteSpace(source))
        {
            throw new Common.DomainException(RegistryErrors.DesilWithoutSource());
        }

        HouseholdId = householdId;
        Desil = desil;
        Source = source.Trim();
        Version = version;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt;
        DesilImportId = desilImportId;
        ImportBatchId = importBatchId;
    }

    // For EF Core materialisation.
    private HouseholdDesil()
    {
        Source = RecordedBy = null!;
    }

    public long Id { get; private set; }

    public long HouseholdId { get; private set; }

    /// <summary>1 (poorest tenth) to 10.</summary>
    public int Desil { get; private set; }

    /// <summary>The ranking's name: <c>DTSEN</c>, <c>P3KE</c>, <c>DTKS</c>, <c>survei lokal</c>, or a household import's label.</summary>
    public string Source { get; private set; }

    /// <summary>The date of the ranking's version (a DTSEN version date); the day an import recorded it otherwise.</summary>
    public DateOnly Version { get; private set; }

    public string RecordedBy { get; private set; }

    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAt { get; private set; }

    /// <summary>The desil workbook import that brought it, if any.</summary>
    public long? DesilImportId { get; private set; }

    /// <summary>The household import that brought it, if any.</summary>
    public long? ImportBatchId { get; private set; }

    /// <summary>The period text kept on the household beside its current desil: the version date.</summary>
    public string Period => Version.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Reading a family's desil history.</summary>
public static class DesilHistory
{
    /// <summary>
    /// The version in force at the end of <paramref name="day"/>: the latest version date not after it;
    /// of two facts with the same date, the one recorded last. Null when none had been published yet.
    /// </summary>
    public static HouseholdDesil? InForce(IEnumerable<HouseholdDesil> history, DateOnly day) =>
        history.Where(d => d.Version <= day).OrderByDescending(d => d.Version).ThenByDescending(d => d.RecordedAt).ThenByDescending(d => d.Id).FirstOrDefault();
}
