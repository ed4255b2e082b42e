using Microsoft.EntityFrameworkCore;

namespace Tuntas.Data.Audit;

/// <summary>The first place the chain does not hold, in words.</summary>
public sealed record AuditBreak(long Sequence, long? EntryId, string Problem);

public sealed record AuditVerification(long Entries, string HeadHash, AuditBreak? FirstBreak)
{
    public bool Intact => FirstBreak is null;
}

/// <summary>
/// Recomputes the audit chain from the first entry: every entry's hash, its link to the one before,
/// the sequence without gaps, and the head row against the last entry.
/// </summary>
public static class AuditVerifier
{
    public static async Task<AuditVerification> VerifyAsync(TuntasDbContext db, CancellationToken ct = default)
    {
        // The head is read first and the entries up to it: an append that lands during the check
        // (a later sequence) is simply not part of this check.
        var head = await db.Set<AuditHead>().AsNoTracking().SingleOrDefaultAsync(h => h.Id == AuditHead.SingletonId, ct);
        var headSequence = head?.Sequence ?? 0;
        var headHash = head?.Hash ?? AuditEntry.GenesisHash;
        var expectedSequence = 1L;
        var previous = AuditEntry.GenesisHash;
        long count = 0;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().Where(e => e.Sequence <= headSequence).OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (entry.Sequence != expectedSequence)
            {
                return Broken(count, previous, entry.Sequence, entry.Id, entry.Sequence > expectedSequence
                    ? $"entry {expectedSequence} is missing (the next one is {entry.Sequence})"
                    : $"entry {entry.Sequence} appears twice or out of order");
            }

            if (entry.PreviousHash != previous)
            {
                return Broken(count, previous, entry.Sequence, entry.Id, $"entry {entry.Sequence} does not link to the entry before it (an entry was removed, inserted or reordered)");
            }

            if (entry.ComputeHash() != entry.Hash)
            {
                return Broken(count, previous, entry.Sequence, entry.Id, $"entry {entry.Sequence} was altered: its content no longer matches its hash");
            }

            previous = entry.Hash;
            expectedSequence++;
            count++;
        }

        if (headSequence != count || headHash != previous)
        {
            return Broken(count, previous, count + 1, null, headSequence > count
                ? $"the chain ends at entry {count} but its head records {headSequence}: the newest entries were removed"
                : $"the head of the chain does not match entry {count}");
        }

        return new AuditVerification(count, previous, null);
    }

    private static AuditVerification Broken(long count, string previous, long sequence, long? id, string problem) =>
        new(count, previous, new AuditBreak(sequence, id, problem));
}
