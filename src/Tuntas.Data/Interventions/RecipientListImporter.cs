using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Import.Reading;
using Tuntas.Domain.Access;
using Tuntas.Domain.Common;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.Interventions;

/// <summary>How to run a recipient list import.</summary>
public sealed record RecipientImportOptions(string Path, string ProgrammeCode, string ErrorsPath, RegionScope Scope, string? UserName = null, bool DryRun = false)
{
    /// <summary>
    /// The date of every delivery of an OpenSID Program Bantuan workbook, instead of the programme's
    /// start date (its Rentang Waktu (Awal)); refused for any other list, which dates its own rows.
    /// </summary>
    public DateOnly? Date { get; init; }

    /// <summary>The errors file next to the list: <c>FILE.errors.csv</c>.</summary>
    public static string DefaultErrorsPath(string path) => path + ".errors.csv";
}

/// <summary>A recipient the register does not hold, as the agency wrote it.</summary>
public sealed record FollowUpLine(long Line, string Identifier, string Number, DateOnly Date, long? Amount);

/// <summary>
/// The result of a recipient list import. <c>Rows == Matched + Unmatched + Rejected</c>, and
/// <c>Matched == Inserted + Updated + Unchanged</c>.
/// </summary>
public sealed record RecipientImportSummary(
    string File, string Programme, long Rows, long Matched, long Unmatched, long Rejected,
    long Inserted, long Updated, long Unchanged, string? ErrorsFile, long? ImportId, bool DryRun,
    IReadOnlyList<FollowUpLine> FollowUp);

/// <summary>A recipient list read and checked, and what the register holds for it: ready to be written in a unit of work.</summary>
public sealed class RecipientListReading(ImportFileReader reader, Func<AuditTrail, CancellationToken, Task<RecipientImportSummary>> write) : IDisposable
{
    /// <summary>Records the list's deliveries, follow-up items and rejected rows, with their audit entries, in the open unit of work.</summary>
    public Task<RecipientImportSummary> WriteAsync(AuditTrail audit, CancellationToken ct = default) => write(audit, ct);

    public void Dispose() => reader.Dispose();
}

/// <summary>The programme named for an import does not exist or is closed; nothing is read.</summary>
public sealed class UnknownProgrammeException(string message) : Exception(message);

/// <summary>
/// Imports an agency's list of the people or families a programme reached. Each row is checked,
/// matched to the register by NIK or No. KK within the importer's region, and recorded as a
/// delivery; a recipient the register does not hold goes to the follow-up list; a rejected row goes
/// to the errors file and is kept with its reason. Everything is written in one audited unit of
/// work, owned by <see cref="ImportRecipientList"/>, and the same list imported again adds nothing (a delivery is unique by programme, recipient and day).
/// </summary>
public sealed class RecipientListImporter(TuntasDbContext db, TimeProvider time)
{
    private const int Chunk = 500;

    private const string InsertDelivery = """
        INSERT INTO "Deliveries" ("ProgrammeCode", "HouseholdId", "PersonId", "Agency", "Date", "PeriodEnd", "Amount", "Note", "Source", "RecipientKey", "ImportId", "RecordedBy", "RecordedAt")
        VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12)
        """;

    // Beyond this many numbers, reading the region's register once is faster than asking for them in chunks.
    private const int StreamAbove = 2_000;

    /// <summary>The columns of a recipient list.</summary>
    public static readonly ColumnSchema Schema = new(
        "recipient list",
        header => RecipientColumns.Match(header) is { } c ? (int)c : null,
        c => ((RecipientColumn)c).Name(),
        RecipientColumns.Required.Select(alternatives => alternatives.Select(c => (int)c).ToArray()).ToList());

    /// <summary>
    /// Reads and checks the list and finds what the register already holds for it, before any write
    /// (so the write lock is not held while a large file is read). An <see cref="ImportFileException"/>
    /// when the file cannot be read, an <see cref="UnknownProgrammeException"/> for a programme that
    /// does not exist or is closed.
    /// </summary>
    public async Task<RecipientListReading> ReadAsync(RecipientImportOptions options, CancellationToken ct = default)
    {
        var code = options.ProgrammeCode.Trim().ToUpperInvariant();
        var programme = await db.Programmes.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, ct);
        if (programme is null)
        {
            var known = await db.Programmes.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Code).Select(p => p.Code).ToListAsync(ct);
            throw new UnknownProgrammeException($"There is no programme '{options.ProgrammeCode}'. Known programmes: {string.Join(", ", known)}.");
        }

        if (!programme.Active)
        {
            throw new UnknownProgrammeException($"Programme {programme.Code} is closed; an administrator can reopen it in the catalogue.");
        }

        // TUNTAS_IMPORT_TIMING=1 prints the time of each phase on standard error (docs/performance.md).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            if (Environment.GetEnvironmentVariable("TUNTAS_IMPORT_TIMING") == "1")
            {
                Console.Error.WriteLine($"{clock.ElapsedMilliseconds,8} ms  {name}");
            }
        }

        var reader = Open(options);
        try
        {
            return new RecipientListReading(reader, await ReadOpenedAsync(options, code, programme, reader, Phase, ct));
        }
        catch
        {
            reader.Dispose();
            throw;
        }
    }

    /// <summary>The list as a recipient list, or an OpenSID Program Bantuan workbook (sheets Program and Peserta) read as one.</summary>
    private static ImportFileReader Open(RecipientImportOptions options)
    {
        if (File.Exists(options.Path) && Path.GetExtension(options.Path).ToLowerInvariant() is ".xlsx" or ".xlsm")
        {
            var workbook = new XlsxWorkbook(options.Path);
            try
            {
                if (OpenSidProgrammeReader.Recognises(workbook))
                {
                    return new OpenSidProgrammeReader(workbook, options.Date);
                }
            }
            catch
            {
                workbook.Dispose();
                throw;
            }

            workbook.Dispose();
        }

        return options.Date is null
            ? ImportFileReader.Open(options.Path, Schema)
            : throw new ImportFileException("--date is only for an OpenSID Program Bantuan workbook (sheets Program and Peserta); this list dates each row in its own tanggal column. Leave --date out.");
    }

    private async Task<Func<AuditTrail, CancellationToken, Task<RecipientImportSummary>>> ReadOpenedAsync(
        RecipientImportOptions options, string code, Programme programme, ImportFileReader reader, Action<string> phase, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = RegionClock.DayAt(now);
        var validator = new RecipientRowValidator(today);

        // Rows are checked first, so that the register is asked once per chunk of numbers.
        var rows = new List<(RecipientRow Row, string Original)>();
        var seen = new Dictionary<(string Key, DateOnly Date), long>();
        foreach (var record in reader.ReadRecords())
        {
            var row = validator.Validate(record.Line, column => reader.Cell(record, (int)column));
            if (!row.IsRejected && seen.TryGetValue((row.RecipientKey!, row.Report!.Date), out var earlier))
            {
                row = row with
                {
                    RejectedColumn = RecipientColumn.Tanggal,
                    RejectionReason = $"the same recipient and tanggal as line {earlier}; a programme reaches a recipient once a day, so this row would count twice.",
                };
            }
            else if (!row.IsRejected)
            {
                seen[(row.RecipientKey!, row.Report!.Date)] = record.Line;
            }

            rows.Add((row, record.Original));
        }

        phase("rows read and checked");
        var people = await FindPeopleAsync(rows.Select(r => r.Row).Where(r => !r.IsRejected && r.Nik is not null).Select(r => r.Nik!).Distinct().ToList(), options.Scope, ct);
        phase("people found");
        var families = await FindFamiliesAsync(rows.Select(r => r.Row).Where(r => !r.IsRejected && r.NoKk is not null).Select(r => r.NoKk!).Distinct().ToList(), options.Scope, ct);
        var existing = await ExistingDeliveriesAsync(code, rows.Select(r => r.Row).Where(r => !r.IsRejected).Select(r => r.RecipientKey!).Distinct().ToList(), ct);
        phase("families and existing deliveries found");
        var followUps = await FollowUpsAsync(code, rows.Select(r => r.Row).Where(r => !r.IsRejected).Select(r => r.RecipientKey!).Distinct().ToList(), ct);

        // Written in the caller's unit of work (ImportRecipientList), which commits it or, for a dry run, drops it.
        async Task<RecipientImportSummary> Write(AuditTrail audit, CancellationToken ct)
        {
            var batch = new RecipientImport
            {
                ProgrammeCode = code,
                FileName = Path.GetFileName(options.Path),
                Format = reader.Format,
                Headers = reader.HeaderLine,
                UserName = options.UserName,
                Region = options.Scope.Region?.Value,
                StartedAt = now,
            };
            db.RecipientImports.Add(batch);
            await db.SaveChangesAsync(ct);

            var actor = options.UserName ?? "cli";

            // New deliveries bypass the change tracker: the families they may reach are announced to the
            // day counts before them ("in handling" depends on deliveries).
            await db.CountTracker.BeforeChangeAsync(people.Values.Select(p => p.HouseholdId).Concat(families.Values.Select(f => f.HouseholdId)), ct);
            var inserts = new Database.StatementBatch(db.Database.GetDbConnection(), db.Database.CurrentTransaction?.GetDbTransaction());
            using var digest = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
            var rejected = new List<(RecipientRow Row, string Original)>();
            var followUp = new List<FollowUpLine>();
            long inserted = 0, updated = 0, unchanged = 0;
            foreach (var (parsed, original) in rows)
            {
                var row = parsed;
                if (!row.IsRejected)
                {
                    row = Match(row, people, families, out var householdId, out var personId, out var villageCode);
                    if (!row.IsRejected && householdId is { } hid)
                    {
                        var report = row.Report!;
                        if (existing.TryGetValue((row.RecipientKey!, report.Date), out var known))
                        {
                            if (known.Differs(report))
                            {
                                var delivery = await db.Deliveries.SingleAsync(d => d.Id == known.Id, ct);
                                var before = Snapshot(delivery);
                                delivery.Correct(report, programme.OwnerAgency, now);
                                existing[(row.RecipientKey!, report.Date)] = Known.Of(delivery);
                                updated++;
                                audit.Record(actor, "delivery.correct", AuditSubject.Of(delivery, villageCode!), before, Snapshot(delivery));
                            }
                            else
                            {
                                unchanged++;
                            }
                        }
                        else
                        {
                            var delivery = new Delivery(code, hid, personId, programme.OwnerAgency, report, DeliverySource.Imported, row.RecipientKey!, actor, today, now) { ImportId = batch.Id };
                            // New deliveries go straight to the table in batches: a list can hold a whole regency.
                            inserts.Add(InsertDelivery, delivery.ProgrammeCode, delivery.HouseholdId, delivery.PersonId, delivery.Agency, delivery.Date, delivery.PeriodEnd,
                                delivery.Amount, delivery.Note, delivery.Source.ToString(), delivery.RecipientKey, delivery.ImportId, delivery.RecordedBy, delivery.RecordedAt);
                            if (inserts.Count == 1000)
                            {
                                await inserts.ExecuteAsync(ct);
                            }

                            existing[(row.RecipientKey!, report.Date)] = Known.Of(delivery);
                            inserted++;

                            // One audit entry covers the whole list: it carries the SHA-256 of the rows it added.
                            digest.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
                                $"{row.RecipientKey}|{report.Date:yyyy-MM-dd}|{report.PeriodEnd:yyyy-MM-dd}|{report.Amount}|{hid}\n")));
                        }

                        if (followUps.TryGetValue((row.RecipientKey!, report.Date), out var open) && open.ResolvedAt is null)
                        {
                            open.Resolve(now, $"matched by import {batch.Id}");
                        }

                        continue;
                    }

                    if (!row.IsRejected)
                    {
                        var (identifier, number) = row.Nik is not null ? ("nik", row.Nik) : ("no_kk", row.NoKk!);
                        followUp.Add(new FollowUpLine(row.Line, identifier, number, row.Report!.Date, row.Report.Amount));
                        if (!followUps.ContainsKey((row.RecipientKey!, row.Report.Date)))
                        {
                            var entry = new UnmatchedRecipient
                            {
                                ProgrammeCode = code,
                                RecipientKey = row.RecipientKey!,
                                Date = row.Report.Date,
                                PeriodEnd = row.Report.PeriodEnd,
                                Amount = row.Report.Amount,
                                Note = row.Report.Note,
                                Region = options.Scope.Region?.Value,
                                NumberDistrict = number.Length == 16 ? $"{number[..2]}.{number[2..4]}.{number[4..6]}" : null,
                                ImportId = batch.Id,
                                Line = row.Line,
                                CreatedAt = now,
                            };
                            db.UnmatchedRecipients.Add(entry);
                            followUps[(row.RecipientKey!, row.Report.Date)] = entry;
                        }

                        continue;
                    }
                }

                rejected.Add((row, original));
                db.RecipientRejectedRows.Add(new RecipientRejectedRow
                {
                    ImportId = batch.Id,
                    Line = row.Line,
                    Column = row.RejectedColumn?.Name() ?? "",
                    Reason = row.RejectionReason!,
                    Original = original,
                    CreatedAt = now,
                });
            }

            await inserts.ExecuteAsync(ct);
            phase("rows matched");
            batch.Rows = rows.Count;
            batch.Matched = inserted + updated + unchanged;
            batch.Inserted = inserted;
            batch.Unmatched = followUp.Count;
            batch.Rejected = rejected.Count;
            batch.FinishedAt = time.GetUtcNow().UtcDateTime;
            audit.Record(actor, "interventions.import", AuditSubject.Named("recipient-import", batch.Id.ToString(CultureInfo.InvariantCulture), options.Scope.Region?.Value), null, new
            {
                programme = code,
                file = batch.FileName,
                rows = batch.Rows,
                matched = batch.Matched,
                inserted,
                insertedSha256 = Convert.ToHexStringLower(digest.GetHashAndReset()),
                updated,
                unmatched = batch.Unmatched,
                rejected = batch.Rejected,
            });

            string? errorsFile = null;
            if (rejected.Count > 0)
            {
                await WriteErrorsFileAsync(reader, rejected, options.ErrorsPath, ct);
                errorsFile = options.ErrorsPath;
            }

            phase("written");
            return new RecipientImportSummary(
                Path.GetFileName(options.Path), code, rows.Count, inserted + updated + unchanged, followUp.Count, rejected.Count,
                inserted, updated, unchanged, errorsFile, options.DryRun ? null : batch.Id, options.DryRun, followUp);
        }

        return Write;
    }

    private static object Snapshot(Delivery d) => new
    {
        programme = d.ProgrammeCode,
        recipient = d.RecipientKey.StartsWith("NIK:", StringComparison.Ordinal) ? "NIK:" + Nik.Mask(d.RecipientKey[4..]) : d.RecipientKey,
        date = d.Date,
        periodEnd = d.PeriodEnd,
        amount = d.Amount,
        note = d.Note,
        source = d.Source,
    };

    /// <summary>
    /// The household (and person) a checked row names, within the importer's region. A row with both
    /// a NIK and a No. KK must name the same family twice.
    /// </summary>
    private static RecipientRow Match(
        RecipientRow row,
        Dictionary<string, (long PersonId, long HouseholdId, string NoKk, string Village)> people,
        Dictionary<string, (long HouseholdId, string Village)> families,
        out long? householdId, out long? personId, out string? villageCode)
    {
        householdId = personId = null;
        villageCode = null;
        if (row.Nik is not null)
        {
            if (!people.TryGetValue(row.Nik, out var person))
            {
                return row;
            }

            if (row.NoKk is not null && row.NoKk != person.NoKk)
            {
                return row with
                {
                    RejectedColumn = RecipientColumn.NoKk,
                    RejectionReason = $"NIK {Nik.Mask(row.Nik)} belongs to the family card {person.NoKk}, not {row.NoKk}; correct one of the two numbers.",
                };
            }

            (householdId, personId, villageCode) = (person.HouseholdId, person.PersonId, person.Village);
            return row;
        }

        if (families.TryGetValue(row.NoKk!, out var family))
        {
            (householdId, villageCode) = (family.HouseholdId, family.Village);
        }

        return row;
    }

    private async Task<Dictionary<string, (long PersonId, long HouseholdId, string NoKk, string Village)>> FindPeopleAsync(List<string> niks, RegionScope scope, CancellationToken ct)
    {
        var found = new Dictionary<string, (long, long, string, string)>(StringComparer.Ordinal);
        var households = db.Households.AsNoTracking().InScope(scope);
        var people = db.People.AsNoTracking()
            .Join(households, p => p.HouseholdId, h => h.Id, (p, h) => new { p.Nik, p.Id, HouseholdId = h.Id, h.NoKk, h.VillageCode });
        if (niks.Count > StreamAbove)
        {
            var wanted = niks.ToHashSet(StringComparer.Ordinal);
            await foreach (var r in people.AsAsyncEnumerable().WithCancellation(ct))
            {
                if (wanted.Contains(r.Nik.Value))
                {
                    found[r.Nik.Value] = (r.Id, r.HouseholdId, r.NoKk.Value, r.VillageCode.Value);
                }
            }

            return found;
        }

        foreach (var chunk in niks.Chunk(Chunk))
        {
            var wanted = chunk.Select(Nik.From).ToList();
            foreach (var r in await people.Where(p => wanted.Contains(p.Nik)).ToListAsync(ct))
            {
                found[r.Nik.Value] = (r.Id, r.HouseholdId, r.NoKk.Value, r.VillageCode.Value);
            }
        }

        return found;
    }

    private async Task<Dictionary<string, (long HouseholdId, string Village)>> FindFamiliesAsync(List<string> numbers, RegionScope scope, CancellationToken ct)
    {
        var found = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        var households = db.Households.AsNoTracking().InScope(scope);
        if (numbers.Count > StreamAbove)
        {
            var wanted = numbers.ToHashSet(StringComparer.Ordinal);
            await foreach (var r in households.Select(h => new { h.NoKk, h.Id, h.VillageCode }).AsAsyncEnumerable().WithCancellation(ct))
            {
                if (wanted.Contains(r.NoKk.Value))
                {
                    found[r.NoKk.Value] = (r.Id, r.VillageCode.Value);
                }
            }

            return found;
        }

        foreach (var chunk in numbers.Chunk(Chunk))
        {
            var wanted = chunk.Select(NomorKk.From).ToList();
            foreach (var r in await households.Where(h => wanted.Contains(h.NoKk)).Select(h => new { h.NoKk, h.Id, h.VillageCode }).ToListAsync(ct))
            {
                found[r.NoKk.Value] = (r.Id, r.VillageCode.Value);
            }
        }

        return found;
    }

    /// <summary>What the programme already holds for these recipients: read once for the programme, kept for the keys of the list.</summary>
    private async Task<Dictionary<(string, DateOnly), Known>> ExistingDeliveriesAsync(string programme, List<string> keys, CancellationToken ct)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<(string, DateOnly), Known>();
        var rows = db.Deliveries.AsNoTracking()
            .Where(d => d.ProgrammeCode == programme)
            .Select(d => new { d.Id, d.RecipientKey, d.Date, d.PeriodEnd, d.Amount, d.Note })
            .AsAsyncEnumerable();
        await foreach (var d in rows.WithCancellation(ct))
        {
            if (wanted.Contains(d.RecipientKey))
            {
                found[(d.RecipientKey, d.Date)] = new Known(d.Id, d.PeriodEnd, d.Amount, d.Note);
            }
        }

        return found;
    }

    /// <summary>What is already recorded of a delivery, enough to tell whether a row repeats it.</summary>
    private sealed record Known(long Id, DateOnly? PeriodEnd, long? Amount, string? Note)
    {
        public static Known Of(Delivery d) => new(d.Id, d.PeriodEnd, d.Amount, d.Note);

        public bool Differs(DeliveryReport report) =>
            report.PeriodEnd != PeriodEnd || report.Amount != Amount || (string.IsNullOrWhiteSpace(report.Note) ? null : report.Note.Trim()) != Note;
    }

    /// <summary>The follow-up entries of the programme for these recipients (open or closed), tracked so they can be resolved.</summary>
    private async Task<Dictionary<(string, DateOnly), UnmatchedRecipient>> FollowUpsAsync(string programme, List<string> keys, CancellationToken ct)
    {
        var wanted = keys.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<(string, DateOnly), UnmatchedRecipient>();
        foreach (var u in await db.UnmatchedRecipients.Where(u => u.ProgrammeCode == programme).ToListAsync(ct))
        {
            if (wanted.Contains(u.RecipientKey))
            {
                found[(u.RecipientKey, u.Date)] = u;
            }
        }

        return found;
    }

    /// <summary>The errors file: every rejected row as it came, its line, the column and the reason.</summary>
    private static async Task WriteErrorsFileAsync(ImportFileReader reader, List<(RecipientRow Row, string Original)> rejected, string path, CancellationToken ct)
    {
        // Its reasons are written in English, and so is its closing line.
        await using var file = await Import.ErrorsFile.CreateAsync(path, reader.Delimiter, reader.HeaderLine, ErrorWords.English);
        foreach (var (row, original) in rejected.OrderBy(r => r.Row.Line))
        {
            ct.ThrowIfCancellationRequested();
            await file.WriteAsync(row.Line, row.RejectedColumn?.Name(), row.RejectionReason, original);
        }
    }
}
