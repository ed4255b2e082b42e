namespace Tuntas.Domain.UpdateCycles;

/// <summary>
/// A family's desil in one ranking version against the one before it (<see cref="Before"/> is null
/// when the family had none). Made by the desil import for every family whose desil changed.
/// </summary>
public sealed record DesilJump(long HouseholdId, int? Before, int After, DateOnly Version)
{
    /// <summary>The line programmes are targeted by (PKH desil 1-4, Kepmensos 79/HUK/2025): 1-4 on one side, 5-10 on the other.</summary>
    public const int TargetedUpTo = 4;

    /// <summary>Whether the family crossed between desil 1-4 and 5+, either way. A first desil crosses nothing.</summary>
    public bool Crosses => Before is { } b && (b <= TargetedUpTo) != (After <= TargetedUpTo);
}

/// <summary>
/// A groundcheck visit raised for a family whose desil crossed the line in a ranking version,
/// recorded against the update cycle of the version's month. One per family and version: the same
/// version twice queues nothing new.
/// </summary>
public sealed class CycleGroundcheck
{
    public CycleGroundcheck(long cycleId, long householdId, DateOnly desilVersion, int? before, int after, long taskId, string createdBy, DateTime nowUtc)
    {
        CycleId = cycleId;
        HouseholdId = householdId;
        DesilVersion = desilVersion;
        DesilBefore = before;
        DesilAfter = after;
        TaskId = taskId;
        CreatedBy = createdBy;
        CreatedAt = nowUtc;
    }

    // For EF Core materialisation.
    private CycleGroundcheck()
    {
        CreatedBy = null!;
    }

    public long Id { get; private set; }

    public long CycleId { get; private set; }

    public long HouseholdId { get; private set; }

    public DateOnly DesilVersion { get; private set; }

    public int? DesilBefore { get; private set; }

    public int DesilAfter { get; private set; }

    /// <summary>The visit task the field team works from (a new one, or the family's pending one it joined).</summary>
    public long TaskId { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTime CreatedAt { get; private set; }
}
