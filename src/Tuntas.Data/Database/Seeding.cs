using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Common;

namespace Tuntas.Data.Database;

/// <summary>What a new database is given, once: the use cases that own the configuration write it.</summary>
internal static class Seeding
{
    /// <summary>The actor of what a new database is given.</summary>
    public const string Actor = "sistem:init";

    /// <summary>Runs <paramref name="seed"/> as one unit of work, unless <paramref name="existing"/> already holds a row.</summary>
    public static async Task<WriteResult<Done>> SeedOnceAsync<T>(this UnitOfWork work, IQueryable<T> existing, Action seed, CancellationToken ct)
    {
        if (await existing.AnyAsync(ct))
        {
            return WriteResult<Done>.Ok(Done.Value);
        }

        return await work.RunAsync(_ =>
        {
            seed();
            return Task.CompletedTask;
        }, ct);
    }
}
