using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;

namespace Tuntas.Domain.UpdateCycles;

/// <summary>The steps each village goes through in a monthly update cycle, in order.</summary>
public enum CycleStep
{
    /// <summary>Musyawarah desa/kelurahan held and its berita acara uploaded.</summary>
    Meeting = 1,

    /// <summary>The village's proposals (usulan) entered in SIKS-NG.</summary>
    Proposals = 2,

    /// <summary>Dinas Sosial checked every proposal of the village.</summary>
    Check = 3,

    /// <summary>Every accepted proposal checked in the field (groundcheck).</summary>
    Groundcheck = 4,
}

/// <summary>
/// The day of the month by which each step is due. The defaults follow the monthly DTSEN update
/// (Permensos 3/2025 as practised): meetings on days 1-14, proposals entered on days 1-11, Dinas
/// Sosial's check by the 17th (the monthly cut-off) and the groundcheck by the end of the month. A
/// day past the end of a short month means its last day.
/// </summary>
public sealed record CycleDeadlines(int MeetingDay, int ProposalDay, int CheckDay, int GroundcheckDay)
{
    public static CycleDeadlines Default { get; } = new(14, 11, 17, 31);

    /// <summary>Refuses days outside 1-31, and a check or groundcheck due before what it follows.</summary>
    public void Validate()
    {
        if (new[] { MeetingDay, ProposalDay, CheckDay, GroundcheckDay }.Any(d => d is < 1 or > 31))
        {
            throw new DomainException(UpdateCycleErrors.DeadlineDay());
        }

        if (CheckDay < ProposalDay || GroundcheckDay < CheckDay)
        {
            throw new DomainException(UpdateCycleErrors.DeadlineOrder());
        }
    }

    public int DayOf(CycleStep step) => step switch
    {
        CycleStep.Meeting => MeetingDay,
        CycleStep.Proposals => ProposalDay,
        CycleStep.Check => CheckDay,
        _ => GroundcheckDay,
    };
}

/// <summary>
/// One monthly update cycle (pemutakhiran DTSEN) of a kabupaten/kota, opened by Dinas Sosial: its
/// month, its deadlines, and (in <see cref="CycleVillage"/>) where each village stands.
/// </summary>
public sealed class UpdateCycle
{
    public UpdateCycle(RegionCode regency, DateOnly month, CycleDeadlines deadlines, string openedBy, DateTime nowUtc)
    {
        if (regency.Level != RegionLevel.Regency)
        {
            throw new DomainException(UpdateCycleErrors.NotARegency());
        }

        deadlines.Validate();
        Regency = regency;
        Month = new DateOnly(month.Year, month.Month, 1);
        MeetingDay = deadlines.MeetingDay;
        ProposalDay = deadlines.ProposalDay;
        CheckDay = deadlines.CheckDay;
        GroundcheckDay = deadlines.GroundcheckDay;
        OpenedBy = openedBy;
        OpenedAt = nowUtc;
    }

    // For EF Core materialisation.
    private UpdateCycle()
    {
        Regency = null!;
        OpenedBy = null!;
    }

    public long Id { get; private set; }

    public RegionCode Regency { get; private set; }

    /// <summary>The first day of the cycle's month.</summary>
    public DateOnly Month { get; private set; }

    public int MeetingDay { get; private set; }

    public int ProposalDay { get; private set; }

    public int CheckDay { get; private set; }

    public int GroundcheckDay { get; private set; }

    public string OpenedBy { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public int Version { get; private set; }

    public CycleDeadlines Deadlines => new(MeetingDay, ProposalDay, CheckDay, GroundcheckDay);

    /// <summary>The last day of the cycle's month.</summary>
    public DateOnly MonthEnd => Month.AddMonths(1).AddDays(-1);

    /// <summary>The day a step is due (inclusive): a step not done by the end of that day is late.</summary>
    public DateOnly Due(CycleStep step) => Month.AddDays(Math.Min(Deadlines.DayOf(step), MonthEnd.Day) - 1);

    /// <summary>Whether a day lies in the cycle's month.</summary>
    public bool InMonth(DateOnly day) => day >= Month && day <= MonthEnd;

    /// <summary>The month as text, <c>YYYY-MM</c>.</summary>
    public string MonthText => Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Reads <c>YYYY-MM</c>; false for anything else.</summary>
    public static bool TryParseMonth(string? text, out DateOnly month) =>
        DateOnly.TryParseExact((text?.Trim() ?? "") + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out month);
}
