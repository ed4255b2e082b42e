using System.Threading.RateLimiting;
using Tuntas.Web.Common;

namespace Tuntas.Web.Registry;

/// <summary>
/// Counts household searches (<c>q=</c>) per user, on the list page and the API together: at most
/// <see cref="AbuseLimits.Searches"/> in <see cref="AbuseLimits.Window"/>, so no one can try names
/// or NIKs by the thousand. Counts live as long as the app (one process).
/// </summary>
public sealed class SearchLimit(AbuseLimits limits) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(user =>
        RateLimitPartition.GetFixedWindowLimiter(user, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limits.Searches,
            Window = AbuseLimits.Window,
            QueueLimit = 0,
        }));

    public int PerWindow => limits.Searches;

    /// <summary>Counts one search by <paramref name="userName"/>; false, with how long to wait, when the user is over the limit.</summary>
    public bool TryCount(string userName, out TimeSpan wait)
    {
        using var lease = limiter.AttemptAcquire(userName.ToLowerInvariant());
        wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : AbuseLimits.Window;
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
