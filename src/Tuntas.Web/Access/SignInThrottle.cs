using System.Collections.Concurrent;

namespace Tuntas.Web.Access;

/// <summary>
/// Wrong passwords counted per account AND client address, instead of Identity's lockout of the whole
/// account (with which anyone who knew a name could lock its owner out for 15 minutes with 5 tries).
/// After <see cref="FreeFailures"/> wrong passwords for one name from one address, that address waits
/// <see cref="FirstWait"/> before its next try for that name, twice as long after each further failure,
/// up to <see cref="LongestWait"/>; the owner signing in from any other address is not held up. A right
/// password clears the count. The same holds for names that do not exist, so the answer does not tell
/// them apart. Counts live as long as the process; the per-address sign-in limit
/// (<c>AbuseLimits.SignIn</c>) still bounds how many names one address can try.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    public const int FreeFailures = 5;

    public static readonly TimeSpan FirstWait = TimeSpan.FromMinutes(1);

    public static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    /// <summary>Entries kept before old ones (no failure for a day) are dropped.</summary>
    private const int Kept = 50_000;

    private readonly ConcurrentDictionary<(string Name, string Client), Entry> entries = new();

    /// <summary>How long this address must still wait before it may try this name again (zero: it may now).</summary>
    public TimeSpan WaitFor(string name, string client)
    {
        if (!entries.TryGetValue(Key(name, client), out var entry))
        {
            return TimeSpan.Zero;
        }

        lock (entry)
        {
            var left = entry.BlockedUntil - time.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Counts a wrong password (or an unknown name) from this address.</summary>
    public void Failed(string name, string client)
    {
        if (entries.Count >= Kept)
        {
            Prune();
        }

        var entry = entries.GetOrAdd(Key(name, client), _ => new Entry());
        lock (entry)
        {
            var now = time.GetUtcNow();
            entry.Failures++;
            entry.LastFailure = now;
            var over = entry.Failures - FreeFailures;
            if (over >= 0)
            {
                var wait = over >= 6 ? LongestWait : TimeSpan.FromTicks(Math.Min(FirstWait.Ticks << over, LongestWait.Ticks));
                entry.BlockedUntil = now + wait;
            }
        }
    }

    /// <summary>A right password from this address clears its count for the name.</summary>
    public void Succeeded(string name, string client) => entries.TryRemove(Key(name, client), out _);

    private void Prune()
    {
        var before = time.GetUtcNow() - TimeSpan.FromDays(1);
        foreach (var (key, entry) in entries)
        {
            if (entry.LastFailure < before && entry.BlockedUntil < time.GetUtcNow())
            {
                entries.TryRemove(key, out _);
            }
        }
    }

    private static (string, string) Key(string name, string client) => (name.Trim().ToUpperInvariant(), client);

    private sealed class Entry
    {
        public int Failures { get; set; }

        public DateTimeOffset LastFailure { get; set; }

        public DateTimeOffset BlockedUntil { get; set; }
    }
}
