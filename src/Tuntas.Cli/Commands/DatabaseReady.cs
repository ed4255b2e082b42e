using Microsoft.EntityFrameworkCore;
using Tuntas.Cli.Common;
using Tuntas.Data.Database;

namespace Tuntas.Cli.Commands;

internal static class DatabaseReady
{
    /// <summary>
    /// Makes sure the schema is current and the regions are loaded before a command uses the
    /// database, so that a first command on a fresh database works without a separate init.
    /// </summary>
    public static async Task EnsureAsync(CliContext cli, CancellationToken ct)
    {
        var database = cli.Database;
        await using (var db = TuntasDatabase.CreateContext(database))
        {
            var pending = await db.Database.GetPendingMigrationsAsync(ct);
            if (!pending.Any() && await db.Regions.AnyAsync(ct))
            {
                return;
            }
        }

        await cli.Error.WriteLineAsync($"Preparing the database {database.Display} (schema and Kemendagri regions)...");
        await DatabaseInitializer.InitializeAsync(database, ct);
    }
}
