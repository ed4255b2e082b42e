using System.Globalization;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Domain.ClaimAudit;

/// <summary>
/// The rules that point at a poverty-reduction claim that looks like "numbers on paper"
/// (docs/claim-audit.md, "Anomaly flags"). Pure functions of the records given: each rule reads the
/// whole history it is given and returns the flags whose event lies in the window (an exit, a
/// graduation, a re-entry, a visit, a target period, a recorder's changes).
/// </summary>
public static class AnomalyRules
{
    /// <summary>The days before a target date in which a surge of exits is looked for.</summary>
    public const int SurgeDays = 30;

    /// <summary>How far back the usual pace of exits is measured, before the surge period.</summary>
    public const int PaceDays = 365;

    /// <summary>A surge needs at least this many exits in the <see cref="SurgeDays"/> days.</summary>
    public const int SurgeMinimumExits = 5;

    /// <summary>A surge is more than this many times the usual pace.</summary>
    public const double SurgeFactor = 3.0;

    /// <summary>
    /// The usual pace is taken as at least this many exits per 30 days, so that a kecamatan with no
    /// earlier exits is judged against one exit a month rather than against zero.
    /// </summary>
    public const double SurgePaceFloor = 1.0;

    /// <summary>A recorder is compared only with at least this many status changes (and only with peers that have as many).</summary>
    public const int RecorderMinimumChanges = 10;

    /// <summary>The two-proportion z statistic above which a recorder's exit share is an outlier.</summary>
    public const double RecorderZ = 3.0;

    /// <summary>And the difference of the two shares must be more than this.</summary>
    public const double RecorderShareGap = 0.3;

    /// <summary>Status changes made by the system itself (classification) carry an actor starting with this.</summary>
    public const string SystemActorPrefix = "sistem:";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Every rule, in the order of <see cref="AnomalyKind"/>; flags only for places inside the input's region.</summary>
    public static IReadOnlyList<AnomalyFlag> Evaluate(AnomalyInput input, DateWindow window) =>
        ExitsWithoutVisit(input, window)
            .Concat(ExitSurgesBeforeTarget(input, window))
            .Concat(RecorderExitRateOutliers(input, window))
            .Concat(GraduationsWithoutIntervention(input, window))
            .Concat(ReEntriesAfterGraduation(input, window))
            .Concat(SamePhotoDifferentHouseholds(input, window))
            .Concat(VisitsFarFromVillage(input, window))
            .Concat(VisitsSameAsPrevious(input, window))
            .Concat(VisitsFilledTooFast(input, window))
            .Where(f => input.Region.Contains(f.Region))
            .OrderBy(f => f.Kind)
            .ThenBy(f => f.Region)
            .ThenBy(f => f.NoKk, StringComparer.Ordinal)
            .ThenBy(f => f.Detail, StringComparer.Ordinal)
            .ToList();

    /// <summary><c>exit-without-visit</c>: an exit with no approved visit of the same household behind it, or whose visit has no evidence.</summary>
    public static IEnumerable<AnomalyFlag> ExitsWithoutVisit(AnomalyInput input, DateWindow window)
    {
        var visits = input.Visits.ToDictionary(v => v.Id);
        foreach (var e in input.Changes.Where(e => e.IsExit && window.Contains(e.EffectiveDate)))
        {
            var status = $"{e.To.ToEnglish().ToLowerInvariant()} on {En(e.EffectiveDate)}";
            var statusId = $"{e.To.ToIndonesian()} pada {Id(e.EffectiveDate)}";
            (string En, string Id)? problem = e.VisitId is not { } id || !visits.TryGetValue(id, out var visit)
                ? ($"Left the list ({status}) with no field visit recorded behind it.",
                    $"Keluar dari daftar ({statusId}) tanpa kunjungan lapangan yang tercatat.")
                : visit.HouseholdId != e.HouseholdId
                    ? ($"Left the list ({status}) on a visit made to another household.",
                        $"Keluar dari daftar ({statusId}) berdasarkan kunjungan ke keluarga lain.")
                    : !visit.Approved
                        ? ($"Left the list ({status}) on a visit of {En(visit.VisitedOn)} that Dinas Sosial never approved.",
                            $"Keluar dari daftar ({statusId}) berdasarkan kunjungan {Id(visit.VisitedOn)} yang tidak pernah disetujui Dinas Sosial.")
                        : visit.EvidenceHashes.Count == 0
                            ? ($"Left the list ({status}) on a visit of {En(visit.VisitedOn)} with no photo or document.",
                                $"Keluar dari daftar ({statusId}) berdasarkan kunjungan {Id(visit.VisitedOn)} tanpa foto atau dokumen.")
                            : null;
            if (problem is { } p)
            {
                yield return new AnomalyFlag(AnomalyKind.ExitWithoutVisit, e.Village, e.NoKk, p.En, p.Id);
            }
        }
    }

    /// <summary>
    /// <c>exit-surge-before-target</c>: in a kecamatan, the exits in the <see cref="SurgeDays"/> days
    /// up to a target date (of the kecamatan or its nearest ancestor with a target) are at least
    /// <see cref="SurgeMinimumExits"/> and more than <see cref="SurgeFactor"/> times the usual pace:
    /// the exits per 30 days over the <see cref="PaceDays"/> days before that period (or since the
    /// kecamatan's first status change, counted as at least 30 days), but never less than
    /// <see cref="SurgePaceFloor"/>.
    /// </summary>
    public static IEnumerable<AnomalyFlag> ExitSurgesBeforeTarget(AnomalyInput input, DateWindow window)
    {
        foreach (var district in input.Changes.GroupBy(e => e.District).OrderBy(g => g.Key))
        {
            var exits = district.Where(e => e.IsExit).Select(e => e.EffectiveDate).ToList();
            if (exits.Count < SurgeMinimumExits)
            {
                continue;
            }

            var firstChange = district.Min(e => e.EffectiveDate);
            var owner = Enumerable.Range(0, 3).Select(i => district.Key.AtLevel(RegionLevel.District - i))
                .OfType<RegionCode>()
                .FirstOrDefault(code => input.Targets.Any(t => t.Region == code));
            if (owner is null)
            {
                continue;
            }

            foreach (var target in input.Targets.Where(t => t.Region == owner).Select(t => t.Date).Distinct().Order())
            {
                var periodStart = target.AddDays(-(SurgeDays - 1));
                if (!window.Overlaps(periodStart, target))
                {
                    continue;
                }

                var inPeriod = exits.Count(d => d >= periodStart && d <= target);
                var paceEnd = periodStart.AddDays(-1);
                var paceStart = paceEnd.AddDays(-(PaceDays - 1));
                if (firstChange > paceStart)
                {
                    paceStart = firstChange;
                }

                var before = exits.Count(d => d >= paceStart && d <= paceEnd);
                var paceSpan = Math.Max(SurgeDays, paceEnd.DayNumber - paceStart.DayNumber + 1);
                var pace = (double)before * SurgeDays / paceSpan;
                if (inPeriod < SurgeMinimumExits || inPeriod <= SurgeFactor * Math.Max(pace, SurgePaceFloor))
                {
                    continue;
                }

                var whose = owner == district.Key ? "the kecamatan's" : $"region {owner.Value}'s";
                var whoseId = owner == district.Key ? "kecamatan ini" : $"wilayah {owner.Value}";
                yield return new AnomalyFlag(AnomalyKind.ExitSurgeBeforeTarget, district.Key, null,
                    $"{inPeriod} households left the list in the {SurgeDays} days up to {whose} target date {En(target)}; " +
                    $"the usual pace before was {pace.ToString("0.0", English)} per {SurgeDays} days ({before} exits from {En(paceStart)} to {En(paceEnd)}).",
                    $"{inPeriod} keluarga keluar dari daftar dalam {SurgeDays} hari menjelang tanggal target {whoseId} {Id(target)}; " +
                    $"laju biasanya {pace.ToString("0.0", Indonesian)} per {SurgeDays} hari ({before} keluar dari {Id(paceStart)} s.d. {Id(paceEnd)}).");
            }
        }
    }

    /// <summary>
    /// <c>verifier-exit-rate-outlier</c>: within a kabupaten/kota (or the smaller region asked for),
    /// a person whose status changes in the window (system changes left out) are exits far more
    /// often than those of the other people who recorded changes there, pooled. Only people with at
    /// least <see cref="RecorderMinimumChanges"/> changes are compared, and at least two of them are
    /// needed; flagged when the two-proportion z statistic is above <see cref="RecorderZ"/> and the
    /// shares differ by more than <see cref="RecorderShareGap"/>.
    /// </summary>
    public static IEnumerable<AnomalyFlag> RecorderExitRateOutliers(AnomalyInput input, DateWindow window)
    {
        var byPerson = input.Changes
            .Where(e => e.From != e.To && window.Contains(e.EffectiveDate) && !e.Actor.StartsWith(SystemActorPrefix, StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => input.Region.Level > RegionLevel.Regency ? input.Region : e.Regency);
        foreach (var area in byPerson.OrderBy(g => g.Key))
        {
            var people = area.GroupBy(e => e.Actor.Trim(), StringComparer.OrdinalIgnoreCase)
                .Select(g => (Actor: g.Key, Changes: g.Count(), Exits: g.Count(e => e.IsExit)))
                .Where(p => p.Changes >= RecorderMinimumChanges)
                .OrderBy(p => p.Actor, StringComparer.Ordinal)
                .ToList();
            if (people.Count < 2)
            {
                continue;
            }

            foreach (var person in people)
            {
                var peerChanges = people.Where(p => p != person).Sum(p => p.Changes);
                var peerExits = people.Where(p => p != person).Sum(p => p.Exits);
                var own = (double)person.Exits / person.Changes;
                var peers = (double)peerExits / peerChanges;
                var z = TwoProportionZ(person.Exits, person.Changes, peerExits, peerChanges);
                if (z > RecorderZ && own - peers > RecorderShareGap)
                {
                    yield return new AnomalyFlag(AnomalyKind.VerifierExitRateOutlier, area.Key, null,
                        $"{person.Actor} recorded {person.Changes} status changes, {person.Exits} of them exits ({Percent(own, English)}); " +
                        $"the others who recorded changes in {area.Key.Value} recorded {peerChanges}, {peerExits} of them exits ({Percent(peers, English)}).",
                        $"{person.Actor} mencatat {person.Changes} perubahan status, {person.Exits} di antaranya keluar dari daftar ({Percent(own, Indonesian)}); " +
                        $"pencatat lain di {area.Key.Value} mencatat {peerChanges}, {peerExits} di antaranya keluar ({Percent(peers, Indonesian)}).");
                }
            }
        }
    }

    /// <summary><c>graduation-without-intervention</c>: a graduation with no delivery to the household on or before its day.</summary>
    public static IEnumerable<AnomalyFlag> GraduationsWithoutIntervention(AnomalyInput input, DateWindow window)
    {
        var firstDelivery = input.Deliveries.GroupBy(d => d.HouseholdId).ToDictionary(g => g.Key, g => g.Min(d => d.Date));
        return input.Changes
            .Where(e => e.To == HouseholdStatus.Graduated && e.From != e.To && window.Contains(e.EffectiveDate))
            .Where(e => !firstDelivery.TryGetValue(e.HouseholdId, out var first) || first > e.EffectiveDate)
            .Select(e => new AnomalyFlag(AnomalyKind.GraduationWithoutIntervention, e.Village, e.NoKk,
                $"Graduated on {En(e.EffectiveDate)} with no programme delivery recorded on or before that day.",
                $"Graduasi pada {Id(e.EffectiveDate)} tanpa penyaluran program yang tercatat sampai hari itu."));
    }

    /// <summary><c>re-entry-after-graduation</c>: a household listed (or verified) again after it had graduated.</summary>
    public static IEnumerable<AnomalyFlag> ReEntriesAfterGraduation(AnomalyInput input, DateWindow window)
    {
        foreach (var household in input.Changes.GroupBy(e => e.HouseholdId))
        {
            DateOnly? graduated = null;
            foreach (var e in household.OrderBy(e => e.EffectiveDate).ThenBy(e => e.Sequence))
            {
                if (e.To == HouseholdStatus.Graduated && e.From != e.To)
                {
                    graduated = e.EffectiveDate;
                }
                else if (graduated is { } on && e.From != e.To && e.To is HouseholdStatus.Listed or HouseholdStatus.Verified)
                {
                    if (window.Contains(e.EffectiveDate))
                    {
                        yield return new AnomalyFlag(AnomalyKind.ReEntryAfterGraduation, e.Village, e.NoKk,
                            $"Graduated on {En(on)}, then {e.To.ToEnglish().ToLowerInvariant()} again on {En(e.EffectiveDate)}.",
                            $"Graduasi pada {Id(on)}, lalu kembali {e.To.ToIndonesian()} pada {Id(e.EffectiveDate)}.");
                    }

                    graduated = null;
                }
            }
        }
    }

    /// <summary>
    /// <c>same-photo-different-households</c>: one evidence file (the same SHA-256) on the visits of
    /// two or more households, at least one of those visits in the window; one flag per household,
    /// naming the others (those outside the reader's scope only counted).
    /// </summary>
    public static IEnumerable<AnomalyFlag> SamePhotoDifferentHouseholds(AnomalyInput input, DateWindow window)
    {
        var shared = input.Visits
            .SelectMany(v => v.EvidenceHashes.Distinct(StringComparer.OrdinalIgnoreCase).Select(h => (Hash: h.ToLowerInvariant(), Visit: v)))
            .GroupBy(x => x.Hash)
            .Where(g => g.Select(x => x.Visit.HouseholdId).Distinct().Count() > 1 && g.Any(x => window.Contains(x.Visit.VisitedOn)))
            .ToList();
        var others = new Dictionary<long, (VisitRecord Visit, HashSet<VisitRecord> With)>();
        foreach (var group in shared)
        {
            foreach (var (_, visit) in group)
            {
                if (!others.TryGetValue(visit.HouseholdId, out var entry))
                {
                    entry = others[visit.HouseholdId] = (visit, []);
                }

                foreach (var (_, other) in group.Where(x => x.Visit.HouseholdId != visit.HouseholdId))
                {
                    entry.With.Add(other);
                }
            }
        }

        foreach (var (visit, with) in others.Values)
        {
            var households = with.GroupBy(v => v.HouseholdId).Select(g => g.First()).ToList();
            var named = households.Where(v => input.NameableWithin is null || input.NameableWithin.Contains(v.Village))
                .Select(v => v.NoKk).Distinct().Order(StringComparer.Ordinal).ToList();
            var hidden = households.Count - named.Count;
            var namedEn = named.Count == 0 ? null : "No. KK " + string.Join(", ", named);
            var hiddenEn = hidden == 0 ? null : $"{hidden} household(s) outside your region";
            var hiddenId = hidden == 0 ? null : $"{hidden} keluarga di luar wilayah Anda";
            yield return new AnomalyFlag(AnomalyKind.SamePhotoDifferentHouseholds, visit.Village, visit.NoKk,
                $"The same photo or document is on visits of another household: {string.Join(" and ", new[] { namedEn, hiddenEn }.OfType<string>())}.",
                $"Foto atau dokumen yang sama ada pada kunjungan keluarga lain: {string.Join(" dan ", new[] { namedEn, hiddenId }.OfType<string>())}.");
        }
    }

    /// <summary>
    /// <c>visit-far-from-village</c>: a visit in the window whose position is more than
    /// <see cref="VisitMarkSettings.FarFromVillageKm"/> km (great-circle) from the middle of the other
    /// visits of the same desa/kelurahan, when there are at least
    /// <see cref="VisitMarkSettings.VillageMinimumOtherVisits"/> of them with a position; the same
    /// judgement as the reviewer's mark (<see cref="VisitMarks.FromVillage"/>).
    /// </summary>
    public static IEnumerable<AnomalyFlag> VisitsFarFromVillage(AnomalyInput input, DateWindow window)
    {
        var settings = input.MarkSettings;
        foreach (var village in input.Visits.Where(v => v.HasPosition && input.Region.Contains(v.Village)).GroupBy(v => v.Village))
        {
            var visits = village.ToList();
            foreach (var visit in visits.Where(v => window.Contains(v.VisitedOn)))
            {
                var others = visits.Where(v => v.Id != visit.Id).Select(v => v.Point!.Value).ToList();
                var distance = VisitMarks.FromVillage(visit.Point, others, settings);
                if (VisitMarks.FarFromVillage(distance, settings))
                {
                    var km = distance.DistanceKm!.Value;
                    yield return new AnomalyFlag(AnomalyKind.VisitFarFromVillage, visit.Village, visit.NoKk,
                        $"The visit of {En(visit.VisitedOn)} was recorded {km.ToString("0.0", English)} km from the middle of the other {others.Count} visits in this desa/kelurahan.",
                        $"Kunjungan {Id(visit.VisitedOn)} tercatat {km.ToString("0.0", Indonesian)} km dari titik tengah {others.Count} kunjungan lain di desa/kelurahan ini.");
                }
            }
        }
    }

    /// <summary>
    /// <c>visit-same-as-previous</c>: a visit in the window whose observed answers (found, who was met,
    /// the eight indicators, no shelter, spending, members) all equal those of the household's previous
    /// visit that was not returned (<see cref="VisitMarks.Previous"/>).
    /// </summary>
    public static IEnumerable<AnomalyFlag> VisitsSameAsPrevious(AnomalyInput input, DateWindow window)
    {
        foreach (var household in input.Visits.Where(v => v.Answers is not null && v.SubmittedAt is not null && input.Region.Contains(v.Village)).GroupBy(v => v.HouseholdId))
        {
            var visits = household.ToList();
            foreach (var visit in visits.Where(v => window.Contains(v.VisitedOn)))
            {
                var previous = VisitMarks.Previous(visits, v => (v.Id, v.SubmittedAt!.Value, v.Returned), visit.Id);
                if (previous is not null && VisitMarks.SameAsPrevious(visit.Answers!, previous.Answers))
                {
                    yield return new AnomalyFlag(AnomalyKind.VisitSameAsPrevious, visit.Village, visit.NoKk,
                        $"The visit of {En(visit.VisitedOn)} repeats every observed answer of the visit of {En(previous.VisitedOn)}.",
                        $"Kunjungan {Id(visit.VisitedOn)} mengulang semua jawaban pengamatan kunjungan {Id(previous.VisitedOn)}.");
                }
            }
        }
    }

    /// <summary>
    /// <c>visit-filled-too-fast</c>: a visit in the window sent less than
    /// <see cref="VisitMarkSettings.MinimumFillTime"/> after its form was opened. Visits whose opening
    /// time is unknown are not judged.
    /// </summary>
    public static IEnumerable<AnomalyFlag> VisitsFilledTooFast(AnomalyInput input, DateWindow window)
    {
        var settings = input.MarkSettings;
        foreach (var visit in input.Visits.Where(v => v.SubmittedAt is not null && input.Region.Contains(v.Village) && window.Contains(v.VisitedOn)))
        {
            var fill = VisitMarks.FillTime(visit.FormOpenedAt, visit.SubmittedAt!.Value);
            if (VisitMarks.FilledTooFast(fill, settings))
            {
                var seconds = (int)Math.Round(fill!.Value.TotalSeconds);
                var limit = (int)settings.MinimumFillTime.TotalSeconds;
                yield return new AnomalyFlag(AnomalyKind.VisitFilledTooFast, visit.Village, visit.NoKk,
                    $"The visit form of {En(visit.VisitedOn)} was sent {seconds} seconds after it was opened (under {limit} seconds).",
                    $"Formulir kunjungan {Id(visit.VisitedOn)} dikirim {seconds} detik setelah dibuka (kurang dari {limit} detik).");
            }
        }
    }

    /// <summary>The two-proportion z statistic of x1/n1 against x2/n2 with the pooled share; 0 when both shares are 0 or 1.</summary>
    public static double TwoProportionZ(int x1, int n1, int x2, int n2)
    {
        var pooled = (double)(x1 + x2) / (n1 + n2);
        var error = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        return error == 0 ? 0 : (((double)x1 / n1) - ((double)x2 / n2)) / error;
    }

    /// <summary>The great-circle (haversine) distance in kilometres on a sphere of the Earth's mean radius.</summary>
    public static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2) =>
        new GeoPoint(lat1, lon1).KmTo(new GeoPoint(lat2, lon2));

    private static string Percent(double share, CultureInfo culture) => (share * 100).ToString("0", culture) + "%";

    private static string En(DateOnly day) => day.ToString("d MMMM yyyy", English);

    private static string Id(DateOnly day) => day.ToString("d MMMM yyyy", Indonesian);
}
