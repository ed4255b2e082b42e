using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Common;
using Tuntas.Data.Import;
using Tuntas.Data.Import.Reading;
using Tuntas.Data.UpdateCycles;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.UpdateCycles;

namespace Tuntas.Data.Desil;

/// <summary>How to run a desil ranking import (<c>tuntas desil import</c>, the web page).</summary>
/// <param name="Path">The workbook (<c>.xlsx</c>) or <c>.csv</c>.</param>
/// <param name="Version">The date of the ranking's version (a DTSEN version date).</param>
/// <param name="Source">The ranking's name: <c>DTSEN</c>, <c>P3KE</c>, <c>DTKS</c>, <c>survei lokal</c>.</param>
/// <param name="ErrorsPath">Where the refused rows go, with their reasons.</param>
/// <param name="Scope">The importer's region: families outside it are treated as not in the register.</param>
/// <param name="UserName">Who imports (null from the command line).</param>
/// <param name="DryRun">Do everything, keep nothing.</param>
/// <param name="Language">The language of the reasons (Bahasa Indonesia by default).</param>
public sealed record DesilImportOptions(string Path, DateOnly Version, string Source, string ErrorsPath, RegionScope Scope, string? UserName = null, bool DryRun = false, CultureInfo? Language = null)
{
    /// <summary>The errors file next to the workbook: <c>FILE.errors.csv</c>.</summary>
    public static string DefaultErrorsPath(string path) => path + ".errors.csv";

    /// <summary>The language of the reasons: Bahasa Indonesia unless English is asked for.</summary>
    public CultureInfo ReasonLanguage => Language ?? ErrorWords.Indonesian;
}

/// <summary>
/// A family whose desil in force on <paramref name="Version"/> changed with an import: from
/// <paramref name="Before"/> (null when none was known) to <paramref name="After"/>. The monthly cycle
/// queues a groundcheck visit for a family that crossed between desil 1-4 and 5-10.
/// </summary>
public sealed record DesilChange(long HouseholdId, string NoKk, int? Before, int After, DateOnly Version)
{
    /// <summary>The change as the update cycle reads it (<see cref="DesilJump"/>).</summary>
    public DesilJump AsJump() => new(HouseholdId, Before, After, Version);

    /// <summary>Crossed between desil 1-4 and 5-10 (either way); a first desil never crosses (<see cref="DesilJump.Crosses"/>).</summary>
    public bool Jumped => AsJump().Crosses;
}

/// <summary>A row of the ranking whose family the register (of the importer's region) does not hold.</summary>
public sealed record DesilFollowUpLine(long Line, string NoKk, string? Nik, string? Name, int Desil);

/// <summary>
/// What a desil import did. <c>Rows == Accepted + Rejected</c>; an unmatched row is accepted
/// (<c>Unmatched</c> of the accepted rows went to the follow-up list);
/// <c>Accepted - Unmatched == Updated + Unchanged</c> (families of the register).
/// </summary>
public sealed record DesilImportSummary(
    string File, string Source, DateOnly Version, long Rows, long Accepted, long Rejected, long Unmatched,
    long Updated, long Unchanged, string ErrorsFile, long? ImportId, bool DryRun, int Classified, int Listed,
    IReadOnlyList<DesilChange> Changes, IReadOnlyList<DesilFollowUpLine> FollowUp)
{
    /// <summary>The groundcheck visits queued for the families whose desil crossed between 1-4 and 5-10 (<see cref="QueueGroundchecks"/>).</summary>
    public GroundcheckQueueResult? Groundchecks { get; init; }
}

/// <summary>
/// Imports a desil ranking (the SIKS-NG workbook of DTSEN, or P3KE, DTKS, a local survey) as dated
/// facts: each family of the register the ranking names gets its desil of that version in its history;
/// its current desil is the latest version not after today. Families whose desil in force on the
/// version date changed are classified again as of that date (a new desil-1 family is listed from the
/// version date, not before). A family the register does not hold goes to the follow-up list; a refused
/// row is kept with its reason. The same file and version again changes nothing. One unit of work;
/// a dry run does it all and keeps nothing.
/// </summary>
public sealed class ImportDesil(UnitOfWork work, ClassificationService classification, QueueGroundchecks groundchecks, TimeProvider time) : IUseCase
{
    private const int Chunk = 500;

    /// <summary>The columns of a desil ranking.</summary>
    public static readonly ColumnSchema Schema = new(
        "desil ranking",
        header => DesilColumns.Match(header) is { } c ? (int)c : null,
        c => ((DesilColumn)c).Name(),
        DesilColumns.Required.Select(alternatives => alternatives.Select(c => (int)c).ToArray()).ToList());

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<WriteResult<DesilImportSummary>> RunAsync(DesilImportOptions options, CancellationToken ct = default)
    {
        var db = work.Db;
        var now = time.GetUtcNow().UtcDateTime;
        var today = RegionClock.DayAt(now);
        var source = options.Source.Trim();
        if (source.Length is 0 or > 100)
        {
            return new WriteError.RuleBroken(new DomainException(DesilErrors.SourceLength()));
        }

        if (options.Version > today)
        {
            return new WriteError.RuleBroken(new DomainException(DesilErrors.VersionInFuture(options.Version)));
        }

        // Read and check the whole file before the write lock is taken.
        List<(DesilRow Row, string Original)> rows;
        string format, headers;
        char delimiter;
        try
        {
            using var reader = ImportFileReader.Open(options.Path, Schema);
            rows = [];
            var seen = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var record in reader.ReadRecords())
            {
                var row = DesilRow.Validate(record.Line, column => reader.Cell(record, (int)column));
                if (!row.IsRejected && seen.TryGetValue(row.NoKk!, out var earlier))
                {
                    row = row with { RejectedColumn = DesilColumn.NoKk, Reason = DesilErrors.RepeatedNoKk(row.NoKk!, earlier) };
                }
                else if (!row.IsRejected)
                {
                    seen[row.NoKk!] = record.Line;
                }

                rows.Add((row, record.Original));
            }

            (format, headers, delimiter) = (reader.Format, reader.HeaderLine, reader.Delimiter);
        }
        catch (ImportLimitException e)
        {
            return new WriteError.RuleBroken(new DomainException(e.Error));
        }
        catch (ImportFileException e)
        {
            return new WriteError.RuleBroken(new DomainException(e.Message));
        }

        var numbers = rows.Where(r => !r.Row.IsRejected).Select(r => r.Row.NoKk!).Distinct().ToList();
        var families = await FamiliesAsync(db, numbers, options.Scope, ct);
        var niks = rows.Where(r => !r.Row.IsRejected && r.Row.Nik is not null && families.ContainsKey(r.Row.NoKk!)).Select(r => r.Row.Nik!).Distinct().ToList();
        var people = await PeopleAsync(db, niks, ct);

        async Task<DesilImportSummary> Write(CancellationToken ct)
        {
            var actor = options.UserName ?? "import:" + source;
            var batch = new DesilImport
            {
                Source = source,
                Version = options.Version,
                FileName = Path.GetFileName(options.Path),
                Format = format,
                Headers = headers,
                UserName = options.UserName,
                Region = options.Scope.Region?.Value,
                ImportedAt = now,
            };
            db.DesilImports.Add(batch);
            await db.SaveChangesAsync(ct);

            var matched = rows.Where(r => !r.Row.IsRejected && families.ContainsKey(r.Row.NoKk!)).ToList();
            var ids = matched.Select(r => families[r.Row.NoKk!]).Distinct().ToList();
            var history = new Dictionary<long, List<HouseholdDesil>>();
            foreach (var chunk in ids.Chunk(Chunk))
            {
                foreach (var fact in await db.HouseholdDesils.Where(d => chunk.Contains(d.HouseholdId)).ToListAsync(ct))
                {
                    (history.TryGetValue(fact.HouseholdId, out var list) ? list : history[fact.HouseholdId] = []).Add(fact);
                }
            }

            var households = new Dictionary<long, Household>();
            foreach (var chunk in ids.Chunk(Chunk))
            {
                foreach (var h in await db.Households.Where(h => chunk.Contains(h.Id)).ToListAsync(ct))
                {
                    households[h.Id] = h;
                }
            }

            var rejected = new List<(DesilRow Row, string Original)>();
            var followUp = new List<DesilFollowUpLine>();
            var changes = new List<DesilChange>();
            long updated = 0, unchanged = 0;
            foreach (var (parsed, original) in rows)
            {
                var row = parsed;
                if (row.IsRejected)
                {
                    rejected.Add((row, original));
                    continue;
                }

                if (!families.TryGetValue(row.NoKk!, out var id))
                {
                    followUp.Add(new DesilFollowUpLine(row.Line, row.NoKk!, row.Nik, row.Name, row.Desil!.Value));
                    continue;
                }

                if (row.Nik is { } nik && people.TryGetValue(nik, out var holder) && holder != id)
                {
                    rejected.Add((row with { RejectedColumn = DesilColumn.Nik, Reason = DesilErrors.NikOfAnotherFamily(nik, row.NoKk!) }, original));
                    continue;
                }

                var facts = history.TryGetValue(id, out var known) ? known : history[id] = [];
                var sameVersion = DesilHistory.InForce(facts.Where(f => f.Version == options.Version && string.Equals(f.Source, source, StringComparison.OrdinalIgnoreCase)), options.Version);
                if (sameVersion?.Desil == row.Desil)
                {
                    unchanged++;
                    continue;
                }

                var household = households[id];
                int? before = facts.Count == 0 ? household.Desil : DesilHistory.InForce(facts, options.Version)?.Desil;
                var fact = new HouseholdDesil(id, row.Desil!.Value, source, options.Version, actor, now, desilImportId: batch.Id);
                db.HouseholdDesils.Add(fact);
                facts.Add(fact);
                updated++;
                if (before != row.Desil)
                {
                    changes.Add(new DesilChange(id, row.NoKk!, before, row.Desil.Value, options.Version));
                }

                // The household keeps the desil in force today.
                if (DesilHistory.InForce(facts, today) == fact)
                {
                    household.SetDesil(fact.Desil, fact.Source, fact.Period);
                    household.Touch(now);
                }
            }

            var language = options.ReasonLanguage;
            foreach (var (row, original) in rejected)
            {
                var reason = JsonSerializer.Serialize(new { c = row.Reason!.Code, a = row.Reason.Args.Select(a => a is DateOnly d ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Convert.ToString(a, CultureInfo.InvariantCulture)) }, Json);
                db.DesilRejectedRows.Add(new DesilRejectedRow { ImportId = batch.Id, Line = row.Line, Column = row.RejectedColumn!.Value.Name(), Reason = reason, Original = original, CreatedAt = now });
            }

            var alreadyFollowed = await KnownFollowUpsAsync(db, followUp.Select(f => f.NoKk).ToList(), source, options.Version, ct);
            foreach (var f in followUp.Where(f => !alreadyFollowed.Contains((f.NoKk, f.Desil))))
            {
                db.DesilFollowUps.Add(new DesilFollowUp
                {
                    ImportId = batch.Id,
                    Line = f.Line,
                    NoKk = f.NoKk,
                    Nik = f.Nik,
                    Name = f.Name,
                    Desil = f.Desil,
                    Source = source,
                    Version = options.Version,
                    Region = options.Scope.Region?.Value,
                    NumberRegency = KkRegency(f.NoKk),
                    CreatedAt = now,
                });
            }

            await db.SaveChangesAsync(ct);

            // Families whose desil on the version date changed are classified as of that date.
            var classified = 0;
            var listed = 0;
            var changedIds = changes.Select(c => c.HouseholdId).ToList();
            foreach (var chunk in changedIds.Chunk(Chunk))
            {
                var result = await classification.ClassifyAsync(db.Households.Where(h => chunk.Contains(h.Id)), options.Version, StatusChanges.SystemClassification, work.Audit, ct);
                classified += result.Households;
                listed += result.Listed;
            }

            // A family whose desil crossed between 1-4 and 5-10 gets a groundcheck visit in the update
            // cycle of the version's month, in the same unit of work as the version itself.
            var queued = await groundchecks.QueueInAsync(changes.Select(c => c.AsJump()).ToList(), actor, ct);

            var accepted = rows.Count - rejected.Count;
            (batch.Rows, batch.Accepted, batch.Rejected, batch.Unmatched, batch.Updated, batch.Unchanged) = (rows.Count, accepted, rejected.Count, followUp.Count, updated, unchanged);
            await db.SaveChangesAsync(ct);
            work.Audit.Record(actor, "desil.import", AuditSubject.Named("desil-import", batch.Id.ToString(CultureInfo.InvariantCulture), options.Scope.Region?.Value), null, new
            {
                file = batch.FileName,
                source,
                version = options.Version,
                rows = rows.Count,
                accepted,
                rejected = rejected.Count,
                unmatched = followUp.Count,
                updated,
                unchanged,
                changed = changes.Count,
                groundchecks = queued.Queued + queued.JoinedPending,
                classified,
                listed,
            });

            await WriteErrorsFileAsync(options, delimiter, headers, rejected, language);
            return new DesilImportSummary(
                batch.FileName, source, options.Version, rows.Count, accepted, rejected.Count, followUp.Count, updated, unchanged,
                options.ErrorsPath, options.DryRun ? null : batch.Id, options.DryRun, classified, listed, changes, followUp)
            {
                Groundchecks = queued,
            };
        }

        return options.DryRun ? await work.TryOutAsync(Write, ct) : await work.RunAsync(Write, ct);
    }

    /// <summary>The reason of a refused row in <paramref name="language"/>, from its stored code and arguments.</summary>
    public static string ReasonText(string stored, CultureInfo language)
    {
        using var doc = JsonDocument.Parse(stored);
        var code = doc.RootElement.GetProperty("c").GetString()!;
        var args = doc.RootElement.GetProperty("a").EnumerateArray().Select(a => (object)(a.GetString() ?? string.Empty)).ToArray();
        return ErrorWords.Text(new DomainError(code, args), language);
    }

    private static async Task WriteErrorsFileAsync(DesilImportOptions options, char delimiter, string headers, List<(DesilRow Row, string Original)> rejected, CultureInfo language)
    {
        await using var file = await ErrorsFile.CreateAsync(options.ErrorsPath, delimiter, headers, language);
        foreach (var (row, original) in rejected.OrderBy(r => r.Row.Line))
        {
            await file.WriteAsync(row.Line, row.RejectedColumn!.Value.Name(), ErrorWords.Text(row.Reason!, language), original);
        }
    }

    /// <summary>The kabupaten/kota a No. KK was issued in, from its first four digits.</summary>
    private static string KkRegency(string noKk) => $"{noKk[..2]}.{noKk[2..4]}";

    private static async Task<Dictionary<string, long>> FamiliesAsync(TuntasDbContext db, List<string> numbers, RegionScope scope, CancellationToken ct)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        var households = db.Households.AsNoTracking().InScope(scope);
        foreach (var chunk in numbers.Chunk(Chunk))
        {
            var wanted = chunk.Select(NomorKk.From).ToList();
            foreach (var h in await households.Where(h => wanted.Contains(h.NoKk)).Select(h => new { h.NoKk, h.Id }).ToListAsync(ct))
            {
                found[h.NoKk.Value] = h.Id;
            }
        }

        return found;
    }

    /// <summary>Which household each NIK belongs to, anywhere in the register (only compared, never shown).</summary>
    private static async Task<Dictionary<string, long>> PeopleAsync(TuntasDbContext db, List<string> niks, CancellationToken ct)
    {
        var found = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var chunk in niks.Chunk(Chunk))
        {
            var wanted = chunk.Select(Nik.From).ToList();
            foreach (var p in await db.People.AsNoTracking().Where(p => wanted.Contains(p.Nik)).Select(p => new { p.Nik, p.HouseholdId }).ToListAsync(ct))
            {
                found[p.Nik.Value] = p.HouseholdId;
            }
        }

        return found;
    }

    private static async Task<HashSet<(string, int)>> KnownFollowUpsAsync(TuntasDbContext db, List<string> numbers, string source, DateOnly version, CancellationToken ct)
    {
        var known = new HashSet<(string, int)>();
        foreach (var chunk in numbers.Chunk(Chunk))
        {
            foreach (var f in await db.DesilFollowUps.AsNoTracking().Where(f => chunk.Contains(f.NoKk) && f.Source == source && f.Version == version).Select(f => new { f.NoKk, f.Desil }).ToListAsync(ct))
            {
                known.Add((f.NoKk, f.Desil));
            }
        }

        return known;
    }
}
