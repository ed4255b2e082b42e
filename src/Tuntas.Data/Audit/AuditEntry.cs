using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Tuntas.Data.Audit;

/// <summary>
/// One entry of the audit trail (jejak audit): who did what, when, to which record, with the values
/// before and after. Each entry carries the hash of the one before it, so an entry that is altered,
/// removed or moved breaks the chain (<see cref="AuditVerifier"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The hash the first entry points back to.</summary>
    public const string GenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Id { get; set; }

    /// <summary>1, 2, 3… without gaps: the position in the chain.</summary>
    public long Sequence { get; set; }

    /// <summary>UTC, to the millisecond (the precision every database keeps, so the hash survives a round trip).</summary>
    public DateTime RecordedAt { get; set; }

    public required string Actor { get; set; }

    /// <summary>What was done, e.g. <c>household.status</c>, <c>visit.submit</c>, <c>import.run</c>.</summary>
    public required string Action { get; set; }

    /// <summary>The kind of record: <c>household</c>, <c>visit</c>, <c>task</c>, <c>round</c>, <c>criteria</c>…</summary>
    public required string EntityType { get; set; }

    /// <summary>Which record: a No. KK for a household, an id for the rest.</summary>
    public required string EntityKey { get; set; }

    /// <summary>The household it concerns, for the household's timeline.</summary>
    public long? HouseholdId { get; set; }

    /// <summary>The region it concerns (dotted code), for scoping who may read it.</summary>
    public string? Region { get; set; }

    /// <summary>The values before, as JSON; null for a creation.</summary>
    public string? Before { get; set; }

    /// <summary>The values after, as JSON; null for a removal.</summary>
    public string? After { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>The SHA-256 over every field and the previous hash, each length-prefixed so no two entries read the same.</summary>
    public string ComputeHash()
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            Sequence.ToString(CultureInfo.InvariantCulture),
            RecordedAt.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            Actor, Action, EntityType, EntityKey,
            HouseholdId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Region ?? "", Before ?? "", After ?? "", PreviousHash,
        })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Drops what is below the millisecond, so the stored time hashes the same when read back.</summary>
    public static DateTime ToStoredPrecision(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}

/// <summary>
/// The last link of the chain, one row. It is updated in the same transaction as every append, so
/// removing the newest entries is noticed too, and appends queue on its row lock.
/// </summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    public long Sequence { get; set; }

    public string Hash { get; set; } = AuditEntry.GenesisHash;
}
