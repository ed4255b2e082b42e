using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Audit;
using Tuntas.Data.Import.Reading;
using Tuntas.Data.Verification;
using Tuntas.Domain.Import;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Import;

/// <summary>
/// Imports a household list. Rows are read one at a time, checked, and streamed into a temporary
/// staging table through the database's bulk path; the family rules (one head, a NIK in one
/// household) then run as set-based SQL, and the accepted rows are merged into the register with
/// a history of every changed value. Everything happens in one transaction, so an interrupted
/// import leaves the register exactly as it was and can simply be run again.
/// </summary>
public sealed class HouseholdImporter(TuntasDbContext db, TimeProvider time) : Common.IUseCase
{
    private const int BatchSize = 512;

    private static bool Timing => Environment.GetEnvironmentVariable("TUNTAS_IMPORT_TIMING") == "1";

    public async Task<ImportSummary> RunAsync(ImportOptions options, IProgress<long>? progress = null, CancellationToken ct = default)
    {
        // TUNTAS_IMPORT_TIMING=1 prints the time of each phase and statement on standard error
        // (see docs/performance.md).
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string name)
        {
            if (Timing)
            {
                Console.Error.WriteLine($"{clock.ElapsedMilliseconds,8} ms  {name}");
            }
        }

        using var reader = ImportFileReader.OpenHouseholds(options.Path, options.Village);
        var now = time.GetUtcNow().UtcDateTime;
        var today = Domain.Regions.RegionClock.DayAt(now);

        var villages = new HashSet<string>(StringComparer.Ordinal);
        var districts = new HashSet<string>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using (var regions = db.Database.GetDbConnection().CreateCommand())
            {
                regions.CommandText = "SELECT \"Code\", \"Level\" FROM \"Regions\" WHERE \"Level\" >= 3";
                await using var read = await regions.ExecuteReaderAsync(ct);
                while (await read.ReadAsync(ct))
                {
                    (read.GetInt32(1) == (int)RegionLevel.Village ? villages : districts).Add(read.GetString(0));
                }
            }

            Phase("regions loaded");
            if (options.Village is { } desa && (!villages.Contains(desa) || !options.Scope.Contains(RegionCode.From(desa))))
            {
                // An OpenSID workbook's desa, given on import: checked once, before anything is read.
                throw new ImportFileException(villages.Contains(desa)
                    ? $"The desa {desa} lies outside your region ({options.Scope}); choose a desa of your own region."
                    : $"There is no desa or kelurahan {desa} in the register; give its code as in 'tuntas regions', for example 64.74.01.1001.");
            }

            var validator = new ImportRowValidator(today, c => villages.Contains(c.Value), c => districts.Contains(c.Value), options.Scope);

            var connection = db.Database.GetDbConnection();
            var dialect = ImportDialect.For(connection);
            await using var transaction = await connection.BeginTransactionAsync(ct);
            var sql = new Sql(connection, transaction);

            // Writers queue on the audit chain's head before touching households, the same order as
            // every other audited write, so an import and a verifier's approval cannot deadlock.
            if (!options.DryRun)
            {
                await sql.ExecuteAsync("UPDATE \"AuditHead\" SET \"Sequence\" = \"Sequence\" WHERE \"Id\" = 1", ct);
            }

            if (dialect.PrepareSessionSql is { } session)
            {
                await sql.ExecuteAsync(session, ct);
            }

            if (dialect.DropStageSql is { } drop)
            {
                await sql.ExecuteAsync(drop, ct);
            }

            await sql.ExecuteAsync(dialect.CreateStageSql, ct);
            // Reading and checking run on one core while the database takes the rows on the other.
            var batches = System.Threading.Channels.Channel.CreateBounded<List<StageRow>>(new System.Threading.Channels.BoundedChannelOptions(8) { SingleReader = true, SingleWriter = true });
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var producer = Task.Run(
                async () =>
                {
                    try
                    {
                        var batch = new List<StageRow>(BatchSize);
                        foreach (var record in reader.ReadRecords())
                        {
                            stop.Token.ThrowIfCancellationRequested();
                            var row = validator.Validate(record.Line, column => reader.Cell(record, column));
                            if (record.Refusal is var (refusedColumn, refusal))
                            {
                                // The layout refuses the row before its cells (an OpenSID person no longer living in the family).
                                row = row with
                                {
                                    RejectedColumnName = refusedColumn,
                                    Reasons = [refusal, .. row.Reasons],
                                    NotLiving = refusal.Code == "Import.NotLiving",
                                };
                            }

                            batch.Add(new StageRow(row, record.Original));
                            if (batch.Count == BatchSize)
                            {
                                await batches.Writer.WriteAsync(batch, stop.Token);
                                batch = new List<StageRow>(BatchSize);
                            }
                        }

                        await batches.Writer.WriteAsync(batch, stop.Token);
                        batches.Writer.Complete();
                        Phase("file read and checked");
                    }
                    catch (Exception e)
                    {
                        batches.Writer.Complete(e);
                    }
                },
                stop.Token);

            long rows = 0;
            await using (var writer = dialect.OpenWriter(connection, transaction))
            {
                try
                {
                    await foreach (var batch in batches.Reader.ReadAllAsync(ct))
                    {
                        foreach (var row in batch)
                        {
                            await writer.WriteAsync(row, ct);
                        }

                        rows += batch.Count;
                        if (rows % 10_240 < BatchSize)
                        {
                            progress?.Report(rows);
                        }
                    }

                    await writer.CompleteAsync(ct);
                }
                catch
                {
                    // The database refused a row: stop the reader, which may be waiting for room.
                    await stop.CancelAsync();
                    throw;
                }
            }

            await producer;
            progress?.Report(rows);
            Phase("staged");
            await sql.ExecuteAsync("CREATE INDEX stage_nik ON stage (nik)", ct);
            await sql.ExecuteAsync("CREATE INDEX stage_kk ON stage (no_kk, is_head)", ct);
            Phase("stage indexed");
            await ApplyFamilyRulesAsync(sql, options, ct);
            Phase("family rules");

            var summary = await CountAsync(sql, dialect, options, rows, today, ct);
            Phase("counted");
            await WriteErrorsFileAsync(sql, reader, options.ErrorsPath, options.ReasonLanguage, ct);
            Phase("errors file");
            summary = summary with
            {
                WarningRows = await WarningRowsAsync(sql, ct),
                NotLiving = await sql.ScalarAsync("SELECT COUNT(*) FROM stage WHERE reject_reason LIKE '[{\"c\":\"Import.NotLiving\"%'", ct),
            };
            var hidden = await HiddenRowsAsync(sql, ct);

            long? batchId = null;
            if (!options.DryRun)
            {
                batchId = await RecordBatchAsync(sql, reader, options, summary, now, ct);

                // Families already in the register may move or gain members: their day counts are
                // read before the merge and after it (new families have no status history yet).
                var existing = await ExistingFamiliesAsync(sql, ct);
                await InTransactionAsync(transaction, async () => { await db.CountTracker.BeforeChangeAsync(existing, ct); return true; }, ct);
                await MergeAsync(sql, dialect, options, summary, batchId.Value, now, today,
                    () => InTransactionAsync(transaction, () => RelocateAsync(sql, options, now, today, ct), ct), ct);
                Phase("merged");
                await ClassifyAndAuditAsync(transaction, options, summary, batchId.Value, now, today, ct);
                Phase("classified");
                await transaction.CommitAsync(ct);
                Phase("committed");
            }
            else
            {
                await transaction.RollbackAsync(ct);
            }

            await LogHiddenAsync(options, hidden, ct);
            return summary with { BatchId = batchId };
        }
        finally
        {
            // SQLite keeps a temporary table with its pooled connection: free its disk space now.
            if (ImportDialect.For(db.Database.GetDbConnection()).DropStageSql is { } drop)
            {
                await using var cleanup = db.Database.GetDbConnection().CreateCommand();
                cleanup.CommandText = drop;
                await cleanup.ExecuteNonQueryAsync(CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The register's ids of the accepted families that are already in it.</summary>
    private static async Task<List<long>> ExistingFamiliesAsync(Sql sql, CancellationToken ct)
    {
        var ids = new List<long>();
        await using var read = await sql.ReaderAsync("""
            SELECT h."Id" FROM stage s JOIN "Households" h ON h."NoKk" = s.no_kk WHERE s.is_head = 1 AND s.reject_reason IS NULL
            """, ct);
        while (await read.ReadAsync(ct))
        {
            ids.Add(read.GetInt64(0));
        }

        return ids;
    }

    /// <summary>
    /// The accepted families whose file names another village are moved through the domain
    /// (<see cref="Domain.Registry.Household.Relocate"/>), in chunks: moves are few next to the rows
    /// of a file, and the events they carry must be the domain's.
    /// </summary>
    private async Task<bool> RelocateAsync(Sql sql, ImportOptions options, DateTime now, DateOnly today, CancellationToken ct)
    {
        var moved = new Dictionary<long, string>();
        await using (var read = await sql.ReaderAsync("""
            SELECT h."Id", s.village FROM stage s JOIN "Households" h ON h."NoKk" = s.no_kk
            WHERE s.is_head = 1 AND s.reject_reason IS NULL AND h."VillageCode" <> s.village
            """, ct))
        {
            while (await read.ReadAsync(ct))
            {
                moved[read.GetInt64(0)] = read.GetString(1);
            }
        }

        var actor = options.UserName ?? "import:" + options.Source;
        foreach (var chunk in moved.Keys.Chunk(1000))
        {
            foreach (var household in await db.Households.Where(h => chunk.Contains(h.Id)).ToListAsync(ct))
            {
                household.Relocate(RegionCode.From(moved[household.Id]), today, actor, "import", now);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        return true;
    }

    /// <summary>Runs EF Core work inside the import's own transaction.</summary>
    private async Task<T> InTransactionAsync<T>(DbTransaction transaction, Func<Task<T>> work, CancellationToken ct)
    {
        await db.Database.UseTransactionAsync(transaction, ct);
        try
        {
            return await work();
        }
        finally
        {
            await db.Database.UseTransactionAsync(null, ct);
        }
    }

    private const string HiddenNik = "Import.NikNotUsableHere";

    private const string HiddenFamily = "Import.FamilyNotUsableHere";

    private static string ScopeColumn(RegionLevel level) => level switch
    {
        RegionLevel.Province => "ProvinceCode",
        RegionLevel.Regency => "RegencyCode",
        RegionLevel.District => "DistrictCode",
        _ => "VillageCode",
    };

    /// <summary>
    /// The rows refused because of a household outside the importer's region. Each such answer tells
    /// the importer that the NIK or KK is registered elsewhere, so every run that got one (a dry run
    /// too) is kept in the personal-data log: who, how many, when.
    /// </summary>
    private static Task<long> HiddenRowsAsync(Sql sql, CancellationToken ct) => sql.ScalarAsync(
        $"SELECT COUNT(*) FROM stage WHERE reject_reason LIKE '[{{\"c\":\"{HiddenNik}\"%' OR reject_reason LIKE '[{{\"c\":\"{HiddenFamily}\"%'", ct);

    private async Task LogHiddenAsync(ImportOptions options, long hidden, CancellationToken ct)
    {
        if (hidden == 0)
        {
            return;
        }

        var subject = Path.GetFileName(options.Path) + (options.DryRun ? " (dry run)" : string.Empty);
        await new Access.PersonalDataLog(db, new Domain.Regions.RegionClock(time)).RecordAsync(
            options.UserName ?? "import:" + options.Source, options.Role ?? "cli", Access.PersonalDataLog.ImportElsewhere, subject,
            options.Scope.Region?.Value, (int)Math.Min(hidden, int.MaxValue), ct);
    }

    /// <summary>The rules that need the whole file and the register, in the order they are applied.</summary>
    private static async Task ApplyFamilyRulesAsync(Sql sql, ImportOptions options, CancellationToken ct)
    {
        // 1. A NIK already used earlier in this file (in another family, or twice in the same one).
        var repeated = await sql.ScalarAsync(
            "SELECT COUNT(*) FROM (SELECT nik FROM stage WHERE nik IS NOT NULL GROUP BY nik HAVING COUNT(*) > 1) r", ct);
        if (repeated > 0)
        {
            await sql.ExecuteAsync("""
            UPDATE stage SET reject_column = 'nik', reject_reason = '[{"c":"Import.NikRepeatedInFile","a":["' || nik || '",'
                || CAST((SELECT MIN(s2.line) FROM stage s2 WHERE s2.nik = stage.nik AND s2.line < stage.line AND s2.reject_reason IS NULL) AS TEXT)
                || ',"' || COALESCE((SELECT s3.no_kk FROM stage s3 WHERE s3.nik = stage.nik AND s3.reject_reason IS NULL ORDER BY s3.line LIMIT 1), '?')
                || '"]}]'
            WHERE reject_reason IS NULL
              AND nik IN (SELECT nik FROM stage WHERE reject_reason IS NULL AND nik IS NOT NULL GROUP BY nik HAVING COUNT(*) > 1)
              AND EXISTS (SELECT 1 FROM stage s2 WHERE s2.nik = stage.nik AND s2.line < stage.line AND s2.reject_reason IS NULL)
            """, ct);
        }

        // 2. A NIK that belongs to another household in the register. That household's KK is named
        //    only when it lies inside the importer's region; otherwise the reason says nothing of it.
        var scope = options.Scope.Region;
        var column = scope is null ? null : ScopeColumn(scope.Level);
        var visible = column is null ? "1 = 1" : $"h.\"{column}\" = @scope";
        var scopeParameter = ("scope", (object?)scope?.Value);
        await sql.ExecuteAsync($$"""
            UPDATE stage SET reject_column = 'nik', reject_reason = CASE WHEN {{visible}}
                    THEN '[{"c":"Import.NikInOtherFamily","a":["' || stage.nik || '","' || h."NoKk" || '"]}]'
                    ELSE '[{"c":"{{HiddenNik}}","a":["' || stage.nik || '"]}]' END
            FROM "People" p JOIN "Households" h ON h."Id" = p."HouseholdId"
            WHERE stage.reject_reason IS NULL AND p."Nik" = stage.nik AND h."NoKk" <> stage.no_kk
            """, ct, scopeParameter);

        // 2b. A person the file records as no longer living in the family (OpenSID's status_dasar) whom
        //     the register holds: the reason says in which family, inside the importer's region. The
        //     register is not changed by the file; a verification visit records who left the family.
        await sql.ExecuteAsync($$"""
            UPDATE stage SET reject_reason = substr(stage.reject_reason, 1, length(stage.reject_reason) - 1)
                || ',{"c":"Import.NotLivingRegistered","a":["' || h."NoKk" || '"]}]'
            FROM "People" p JOIN "Households" h ON h."Id" = p."HouseholdId"
            WHERE stage.reject_reason LIKE '[{"c":"Import.NotLiving"%' AND p."Nik" = stage.nik AND {{visible}}
            """, ct, scopeParameter);

        // 3. A family registered outside the importer's region cannot be changed from here; where it
        //    is registered is not said.
        if (column is not null)
        {
            await sql.ExecuteAsync($$"""
                UPDATE stage SET reject_column = 'no_kk', reject_reason = '[{"c":"{{HiddenFamily}}","a":["' || stage.no_kk || '"]}]'
                FROM "Households" h
                WHERE stage.reject_reason IS NULL AND h."NoKk" = stage.no_kk AND h."{{column}}" <> @scope
                """, ct, scopeParameter);
        }

        // 4. A family whose Kepala Keluarga row was rejected is held back whole.
        await sql.ExecuteAsync("""
            UPDATE stage SET reject_column = 'no_kk', reject_reason = '[{"c":"Import.HeadRejected","a":["' || stage.no_kk
                || '",' || CAST(h.line AS TEXT) || ']}]'
            FROM (SELECT no_kk AS kk, MIN(line) AS line FROM stage WHERE is_head = 1 AND reject_reason IS NOT NULL AND no_kk IS NOT NULL GROUP BY no_kk) h
            WHERE stage.reject_reason IS NULL AND stage.no_kk = h.kk
            """, ct);

        // 5. Exactly one Kepala Keluarga per family. A head the file records as no longer living in
        //    the family (dead, moved) is no head: without a living one the family waits for its new KK.
        await sql.ExecuteAsync("""
            UPDATE stage SET reject_column = 'hubungan', reject_reason = CASE
                    WHEN c.heads = 0 AND c.gone_head IS NOT NULL
                    THEN '[{"c":"Import.HeadNotLiving","a":["' || stage.no_kk || '",' || CAST(c.gone_head AS TEXT) || ']}]'
                    WHEN c.heads = 0
                    THEN '[{"c":"Import.NoHead","a":["' || stage.no_kk || '"]}]'
                    ELSE '[{"c":"Import.TwoHeads","a":["' || stage.no_kk || '",' || CAST(c.heads AS TEXT) || ']}]' END
            FROM (SELECT no_kk AS kk, SUM(is_head) AS heads,
                    MIN(CASE WHEN relation = 'KepalaKeluarga' AND reject_reason LIKE '[{"c":"Import.NotLiving"%' THEN line END) AS gone_head
                  FROM stage WHERE no_kk IS NOT NULL GROUP BY no_kk) c
            WHERE stage.reject_reason IS NULL AND stage.no_kk = c.kk AND c.heads <> 1
            """, ct);

        // 6. The register's head of an existing family must still be in the file: a family cannot
        //    end up with two heads, and a head is not dropped silently.
        await sql.ExecuteAsync("""
            UPDATE stage SET reject_column = 'hubungan', reject_reason = CASE
                    WHEN EXISTS (SELECT 1 FROM stage g WHERE g.nik = cur.nik AND g.reject_reason LIKE '[{"c":"Import.NotLiving"%')
                    THEN '[{"c":"Import.RegisteredHeadNotLiving","a":["' || stage.no_kk || '","' || cur.nik || '"]}]'
                    ELSE '[{"c":"Import.HeadMissing","a":["' || stage.no_kk || '","' || cur.nik || '"]}]' END
            FROM (SELECT h."NoKk" AS kk, p."Nik" AS nik FROM "Households" h JOIN "People" p ON p."HouseholdId" = h."Id"
                  WHERE p."Relation" = 'KepalaKeluarga') cur
            WHERE stage.reject_reason IS NULL AND stage.no_kk = cur.kk
              AND NOT EXISTS (SELECT 1 FROM stage s2 WHERE s2.no_kk = cur.kk AND s2.nik = cur.nik AND s2.reject_reason IS NULL)
            """, ct);
    }

    private static string HouseholdDiffers(ImportDialect d) => string.Join(" OR ", new[]
    {
        d.Differs("h.\"VillageCode\"", "s.village"),
        d.Differs("h.\"Address\"", "s.address"),
        d.Differs("h.\"SpendingPerCapita\"", "s.spending"),
        d.Differs("h.\"Desil\"", "s.desil"),
        d.Differs("h.\"DesilSource\"", "CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_source END"),
        d.Differs("h.\"DesilPeriod\"", "CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_period END"),
    });

    private static string PersonDiffers(ImportDialect d) => string.Join(" OR ", new[]
    {
        d.Differs("p.\"Name\"", "s.name"),
        d.Differs("p.\"Sex\"", "s.sex"),
        d.Differs("p.\"BirthDate\"", d.AsDate("s.birth")),
        d.Differs("p.\"Relation\"", "s.relation"),
        d.Differs("p.\"Education\"", "s.education"),
        d.Differs("p.\"Occupation\"", "s.occupation"),
        d.Differs("p.\"Disability\"", "s.disability"),
        d.Differs("p.\"HealthInsurance\"", "s.insurance"),
    });

    private static async Task<ImportSummary> CountAsync(Sql sql, ImportDialect d, ImportOptions options, long rows, DateOnly today, CancellationToken ct)
    {
        var (desilSource, desilPeriod) = DesilLabels(options, today);
        var p = new (string, object?)[] { ("desil_source", desilSource), ("desil_period", desilPeriod) };
        var rejected = await sql.ScalarAsync("SELECT COUNT(*) FROM stage WHERE reject_reason IS NOT NULL", ct);
        var warnings = await sql.ScalarAsync("SELECT COUNT(*) FROM stage WHERE reject_reason IS NULL AND warnings IS NOT NULL", ct);
        var householdsNew = await sql.ScalarAsync("""
            SELECT COUNT(*) FROM stage s WHERE s.is_head = 1 AND s.reject_reason IS NULL
              AND NOT EXISTS (SELECT 1 FROM "Households" h WHERE h."NoKk" = s.no_kk)
            """, ct);
        var householdsChanged = await sql.ScalarAsync($"""
            SELECT COUNT(*) FROM stage s JOIN "Households" h ON h."NoKk" = s.no_kk
            WHERE s.is_head = 1 AND s.reject_reason IS NULL AND ({HouseholdDiffers(d)})
            """, ct, p);
        var householdsAccepted = await sql.ScalarAsync("SELECT COUNT(*) FROM stage WHERE is_head = 1 AND reject_reason IS NULL", ct);
        var membersNew = await sql.ScalarAsync("""
            SELECT COUNT(*) FROM stage s WHERE s.reject_reason IS NULL AND NOT EXISTS (SELECT 1 FROM "People" p WHERE p."Nik" = s.nik)
            """, ct);
        var membersChanged = await sql.ScalarAsync($"""
            SELECT COUNT(*) FROM stage s JOIN "People" p ON p."Nik" = s.nik WHERE s.reject_reason IS NULL AND ({PersonDiffers(d)})
            """, ct);
        var accepted = rows - rejected;
        return new ImportSummary(
            Path.GetFileName(options.Path), rows, accepted, rejected, warnings,
            new ImportCounts(householdsNew, householdsChanged, householdsAccepted - householdsNew - householdsChanged),
            new ImportCounts(membersNew, membersChanged, accepted - membersNew - membersChanged),
            options.ErrorsPath, options.DryRun, null);
    }

    /// <summary>A desil is stored with its source (the import's label) and period (the year it was imported).</summary>
    private static (string Source, string Period) DesilLabels(ImportOptions options, DateOnly today) =>
        (options.Source, today.Year.ToString(CultureInfo.InvariantCulture));

    /// <summary>The errors file: every rejected row as it came, its line, the column and the reason.</summary>
    private static async Task WriteErrorsFileAsync(Sql sql, ImportFileReader reader, string path, CultureInfo language, CancellationToken ct)
    {
        // The rejected rows are written as they came, so the errors file uses the file's own delimiter.
        await using var file = await ErrorsFile.CreateAsync(path, reader.Delimiter, reader.HeaderLine, language);
        await using var rows = await sql.ReaderAsync("SELECT line, reject_column, reject_reason, original FROM stage WHERE reject_reason IS NOT NULL ORDER BY line", ct);
        while (await rows.ReadAsync(ct))
        {
            await file.WriteAsync(rows.GetInt64(0), rows.GetString(1), ImportReasons.Text(rows.GetString(2), language), rows.GetString(3));
        }
    }

    /// <summary>The accepted rows with warnings, in file order, each with its warnings typed.</summary>
    private static async Task<IReadOnlyList<ImportWarning>> WarningRowsAsync(Sql sql, CancellationToken ct)
    {
        var warnings = new List<ImportWarning>();
        await using var rows = await sql.ReaderAsync(
            $"SELECT line, nik, name, warnings FROM stage WHERE reject_reason IS NULL AND warnings IS NOT NULL ORDER BY line LIMIT {ImportOptions.ShownWarnings}", ct);
        while (await rows.ReadAsync(ct))
        {
            warnings.Add(new ImportWarning(
                rows.GetInt64(0), rows.IsDBNull(1) ? null : rows.GetString(1), rows.IsDBNull(2) ? null : rows.GetString(2), ImportReasons.Decode(rows.GetString(3))));
        }

        return warnings;
    }

    private static async Task<long> RecordBatchAsync(Sql sql, ImportFileReader reader, ImportOptions options, ImportSummary s, DateTime now, CancellationToken ct) =>
        await sql.ScalarAsync("""
            INSERT INTO "ImportBatches" ("FileName", "Source", "Format", "Headers", "UserName", "StartedAt", "FinishedAt", "Rows", "Accepted", "Rejected", "Warnings",
                "HouseholdsInserted", "HouseholdsUpdated", "HouseholdsUnchanged", "MembersInserted", "MembersUpdated", "MembersUnchanged")
            VALUES (@file, @source, @format, @headers, @user, @now, @now, @rows, @accepted, @rejected, @warnings, @hi, @hu, @hn, @mi, @mu, @mn)
            RETURNING "Id"
            """, ct,
            ("file", s.File), ("source", options.Source), ("format", reader.Format), ("headers", reader.HeaderLine),
            ("user", options.UserName), ("now", now), ("rows", s.Rows), ("accepted", s.Accepted), ("rejected", s.Rejected), ("warnings", s.Warnings),
            ("hi", s.Households.Inserted), ("hu", s.Households.Updated), ("hn", s.Households.Unchanged),
            ("mi", s.Members.Inserted), ("mu", s.Members.Updated), ("mn", s.Members.Unchanged));

    /// <summary>
    /// In the import's own transaction: the households the import inserted or changed are classified
    /// at once (new candidates are listed), and the import and its effect go into the audit trail.
    /// </summary>
    private async Task ClassifyAndAuditAsync(DbTransaction transaction, ImportOptions options, ImportSummary summary, long batch, DateTime now, DateOnly today, CancellationToken ct)
    {
        await db.Database.UseTransactionAsync(transaction, ct);
        try
        {
            await using var audit = new AuditTrail(db, time);
            await audit.BeginAsync(ct);
            var actor = options.UserName ?? "import:" + options.Source;
            audit.Record(actor, "import.run", AuditSubject.Named("import", batch.ToString(CultureInfo.InvariantCulture)), null, new
            {
                file = Path.GetFileName(options.Path),
                options.Source,
                summary.Rows,
                summary.Accepted,
                summary.Rejected,
                households = summary.Households,
                members = summary.Members,
            });
            if (summary.Households.Inserted + summary.Households.Updated > 0)
            {
                // The import stamped its rows with its own time; PostgreSQL keeps it to the microsecond.
                var (from, to) = (now.AddMilliseconds(-1), now.AddMilliseconds(1));
                var touched = db.Households.Where(h => h.UpdatedAt >= from && h.UpdatedAt <= to);
                await new ClassificationService(db, time).ClassifyAsync(touched, today, StatusChanges.SystemClassification, audit, ct, bulk: true);
            }

            await audit.CommitAsync(ct);
        }
        finally
        {
            db.ChangeTracker.Clear();
            await db.Database.UseTransactionAsync(null, ct);
        }
    }

    private static async Task MergeAsync(Sql sql, ImportDialect d, ImportOptions options, ImportSummary summary, long batch, DateTime now, DateOnly today, Func<Task> relocate, CancellationToken ct)
    {
        var (desilSource, desilPeriod) = DesilLabels(options, today);
        (string, object?)[] p = [("batch", batch), ("now", now), ("source", options.Source), ("desil_source", desilSource), ("desil_period", desilPeriod)];
        const string Accepted = "s.reject_reason IS NULL";

        // History first, while the old values are still there.
        var householdFields = new (string Field, string Column, string NewValue)[]
        {
            ("kode_wilayah", "VillageCode", "s.village"),
            ("alamat", "Address", "s.address"),
            ("pengeluaran_kapita", "SpendingPerCapita", "s.spending"),
            ("desil", "Desil", "s.desil"),
            ("sumber_desil", "DesilSource", "CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_source END"),
            ("periode_desil", "DesilPeriod", "CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_period END"),
        };
        // The counts say whether anything existing changed; a first import skips these passes.
        foreach (var (field, column, value) in summary.Households.Updated > 0 ? householdFields : [])
        {
            await sql.ExecuteAsync($"""
                INSERT INTO "HouseholdChanges" ("HouseholdId", "Nik", "Field", "OldValue", "NewValue", "Source", "BatchId", "RecordedAt")
                SELECT h."Id", NULL, '{field}', CAST(h."{column}" AS TEXT), CAST({value} AS TEXT), @source, @batch, @now
                FROM stage s JOIN "Households" h ON h."NoKk" = s.no_kk
                WHERE s.is_head = 1 AND {Accepted} AND {d.Differs($"h.\"{column}\"", value)}
                """, ct, p);
        }

        if (summary.Households.Updated > 0)
        {
            // A family that moved is moved by the domain (its residence history, and for a family in
            // the caseload history the event that carries its status into the new village).
            await relocate();

            await sql.ExecuteAsync($"""
            UPDATE "Households" AS h SET "VillageCode" = s.village, "DistrictCode" = s.district, "RegencyCode" = s.regency, "ProvinceCode" = s.province,
                "Address" = s.address, "SpendingPerCapita" = s.spending, "Desil" = s.desil,
                "DesilSource" = CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_source END,
                "DesilPeriod" = CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_period END,
                "UpdatedAt" = @now, "Version" = h."Version" + 1
            FROM stage s
            WHERE s.no_kk = h."NoKk" AND s.is_head = 1 AND {Accepted} AND ({HouseholdDiffers(d)})
            """, ct, p);
        }

        await using (await BulkLoadAsync(sql, d, "Households", summary.Households.Inserted, options.BulkLoadThreshold, ct))
        {
            await sql.ExecuteAsync($"""
            INSERT INTO "Households" ("NoKk", "VillageCode", "DistrictCode", "RegencyCode", "ProvinceCode", "Address", "SpendingPerCapita",
                "Desil", "DesilSource", "DesilPeriod", "Status", "IsCandidate", "Version", "CreatedAt", "UpdatedAt")
            SELECT s.no_kk, s.village, s.district, s.regency, s.province, s.address, s.spending, s.desil,
                CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_source END, CASE WHEN s.desil IS NULL THEN NULL ELSE @desil_period END,
                'Registered', FALSE, 0, @now, @now
            FROM stage s
            WHERE s.is_head = 1 AND {Accepted} AND NOT EXISTS (SELECT 1 FROM "Households" h WHERE h."NoKk" = s.no_kk)
            """, ct, p);
        }

        // The desil history: a family whose desil (or its source) differs from the one in force gets a
        // dated fact, version = the day of the import, source = the import's label.
        await sql.ExecuteAsync($"""
            INSERT INTO "HouseholdDesils" ("HouseholdId", "Desil", "Source", "Version", "RecordedBy", "RecordedAt", "ImportBatchId")
            SELECT h."Id", s.desil, @desil_source, @today, @actor, @now, @batch
            FROM stage s JOIN "Households" h ON h."NoKk" = s.no_kk
            WHERE s.is_head = 1 AND {Accepted} AND s.desil IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "HouseholdDesils" d WHERE d."HouseholdId" = h."Id" AND d."Desil" = s.desil AND d."Source" = @desil_source
                  AND d."Id" = (SELECT MAX(d2."Id") FROM "HouseholdDesils" d2 WHERE d2."HouseholdId" = h."Id"
                      AND d2."Version" = (SELECT MAX(d3."Version") FROM "HouseholdDesils" d3 WHERE d3."HouseholdId" = h."Id")))
            """, ct, [.. p, ("today", today), ("actor", options.UserName ?? "import:" + options.Source)]);

        var personFields = new (string Field, string Column, string NewValue)[]
        {
            ("nama", "Name", "s.name"),
            ("jenis_kelamin", "Sex", "s.sex"),
            ("tanggal_lahir", "BirthDate", d.AsDate("s.birth")),
            ("hubungan", "Relation", "s.relation"),
            ("pendidikan", "Education", "s.education"),
            ("pekerjaan", "Occupation", "s.occupation"),
            ("disabilitas", "Disability", "s.disability"),
            ("jaminan_kesehatan", "HealthInsurance", "s.insurance"),
        };
        foreach (var (field, column, value) in summary.Members.Updated > 0 ? personFields : [])
        {
            await sql.ExecuteAsync($"""
                INSERT INTO "HouseholdChanges" ("HouseholdId", "Nik", "Field", "OldValue", "NewValue", "Source", "BatchId", "RecordedAt")
                SELECT p."HouseholdId", p."Nik", '{field}', CAST(p."{column}" AS TEXT), CAST({value} AS TEXT), @source, @batch, @now
                FROM stage s JOIN "People" p ON p."Nik" = s.nik
                WHERE {Accepted} AND {d.Differs($"p.\"{column}\"", value)}
                """, ct, p);
        }

        // Members who stop being the head are updated before the one who becomes it, so that a
        // family never holds two heads, not even between two rows of one statement.
        foreach (var becomesHead in summary.Members.Updated > 0 ? new[] { 0, 1 } : [])
        {
            await sql.ExecuteAsync($"""
                UPDATE "People" AS p SET "Name" = s.name, "Sex" = s.sex, "BirthDate" = {d.AsDate("s.birth")}, "Relation" = s.relation,
                    "Education" = s.education, "Occupation" = s.occupation, "Disability" = s.disability, "HealthInsurance" = s.insurance, "UpdatedAt" = @now
                FROM stage s
                WHERE s.nik = p."Nik" AND {Accepted} AND s.is_head = {becomesHead} AND ({PersonDiffers(d)})
                """, ct, p);
        }

        await using (await BulkLoadAsync(sql, d, "People", summary.Members.Inserted, options.BulkLoadThreshold, ct))
        {
            await sql.ExecuteAsync($"""
            INSERT INTO "People" ("HouseholdId", "Nik", "Name", "Sex", "BirthDate", "Relation", "Education", "Occupation", "Disability", "HealthInsurance", "CreatedAt", "UpdatedAt")
            SELECT h."Id", s.nik, s.name, s.sex, {d.AsDate("s.birth")}, s.relation, s.education, s.occupation, s.disability, s.insurance, @now, @now
            FROM stage s JOIN "Households" h ON h."NoKk" = s.no_kk
            WHERE {Accepted} AND NOT EXISTS (SELECT 1 FROM "People" p WHERE p."Nik" = s.nik)
            ORDER BY s.line
            """, ct, p);
        }

        // A person whose earlier row sits in the quarantine and who is now accepted in the same
        // family has been corrected. (Not merely someone with the same NIK: a row that carried
        // another family's NIK stays in the quarantine, and so does a row rejected again now.)
        await sql.ExecuteAsync("""
            UPDATE "ImportRejectedRows" SET "ResolvedAt" = @now
            WHERE "ResolvedAt" IS NULL AND "Nik" IS NOT NULL AND "NoKk" IS NOT NULL
              AND EXISTS (SELECT 1 FROM stage s WHERE s.reject_reason IS NULL AND s.nik = "ImportRejectedRows"."Nik" AND s.no_kk = "ImportRejectedRows"."NoKk")
              AND NOT EXISTS (SELECT 1 FROM stage s WHERE s.reject_reason IS NOT NULL AND s.original = "ImportRejectedRows"."Original")
            """, ct, p);

        // The quarantine: rejected rows kept for correction, once each while they stay unresolved.
        await sql.ExecuteAsync("""
            INSERT INTO "ImportRejectedRows" ("BatchId", "Line", "Column", "Reason", "Original", "NoKk", "Nik", "VillageCode", "CreatedAt", "ResolvedAt")
            SELECT @batch, s.line, s.reject_column, s.reject_reason, s.original, s.no_kk, s.nik, s.village, @now, NULL
            FROM stage s
            WHERE s.reject_reason IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM "ImportRejectedRows" q WHERE q."ResolvedAt" IS NULL AND q."Original" = s.original AND q."Reason" = s.reject_reason)
            """, ct, p);
    }

    /// <summary>
    /// For a large load into an empty table, drops the table's
    /// secondary indexes and builds them again afterwards (one sorted build instead of a random
    /// insert per row). Inside the import's transaction: a failure, or a unique index that no
    /// longer holds, undoes everything. The indexes are re-created from the database's own
    /// definitions, so the schema stays exactly what the migrations made.
    /// </summary>
    private static async Task<IAsyncDisposable> BulkLoadAsync(Sql sql, ImportDialect d, string table, long incoming, long threshold, CancellationToken ct)
    {
        // Only into an empty table (the first load of a register): the existence checks of the
        // insert then need no index, and nothing already stored can clash with the new rows.
        if (incoming < threshold || await sql.ScalarAsync($"SELECT COUNT(*) FROM (SELECT 1 FROM \"{table}\" LIMIT 1) t", ct) > 0)
        {
            return NoIndexRebuild.Instance;
        }

        var indexes = new List<(string Name, string Create)>();
        await using (var read = await sql.ReaderAsync(d.SecondaryIndexesSql, ct, ("table", table)))
        {
            while (await read.ReadAsync(ct))
            {
                indexes.Add((read.GetString(0), read.GetString(1)));
            }
        }

        foreach (var (name, _) in indexes)
        {
            await sql.ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        }

        return new IndexRebuild(sql, indexes, ct);
    }

    private sealed class NoIndexRebuild : IAsyncDisposable
    {
        public static readonly NoIndexRebuild Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    private sealed class IndexRebuild(Sql sql, List<(string Name, string Create)> indexes, CancellationToken ct) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var (_, create) in indexes)
            {
                await sql.ExecuteAsync(create, ct);
            }
        }
    }

    /// <summary>Plain ADO.NET on the import's connection and transaction.</summary>
    private sealed class Sql(DbConnection connection, DbTransaction transaction)
    {
        public async Task ExecuteAsync(string text, CancellationToken ct, params (string Name, object? Value)[] parameters)
        {
            var sw = System.Diagnostics.Stopwatch.StartNew();
            await using var command = Command(text, parameters);
            await command.ExecuteNonQueryAsync(ct);
            if (Timing)
            {
                Console.Error.WriteLine($"           {sw.ElapsedMilliseconds,6} ms  {text.Trim().Split('\n')[0]}");
            }
        }

        public async Task<long> ScalarAsync(string text, CancellationToken ct, params (string Name, object? Value)[] parameters)
        {
            await using var command = Command(text, parameters);
            return Convert.ToInt64(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }

        public async Task<DbDataReader> ReaderAsync(string text, CancellationToken ct, params (string Name, object? Value)[] parameters)
        {
            // The reader owns the command for its lifetime; the command is collected with it.
            var command = Command(text, parameters);
            return await command.ExecuteReaderAsync(System.Data.CommandBehavior.Default, ct);
        }

        private DbCommand Command(string text, (string Name, object? Value)[] parameters)
        {
            var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            command.CommandTimeout = 600;
            foreach (var (name, value) in parameters)
            {
                if (!text.Contains("@" + name, StringComparison.Ordinal))
                {
                    continue;
                }

                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            return command;
        }
    }
}
