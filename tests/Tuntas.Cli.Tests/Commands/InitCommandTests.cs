using Microsoft.Data.Sqlite;

namespace Tuntas.Cli.Tests.Commands;

public class InitCommandTests
{
    [Fact]
    public async Task Init_DatabaseFromBeforeTheSchemaFold_IsRefusedWithWhatToDo_AndLeftAsItWas()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tuntas-old-{Guid.NewGuid():N}.db");
        try
        {
            // A register made by a development build: its schema history names a step this build does not have.
            await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
            {
                await connection.OpenAsync();
                await using var create = connection.CreateCommand();
                create.CommandText = """
                    CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                    INSERT INTO "__EFMigrationsHistory" VALUES ('20261122190302_Initial', '10.0.0');
                    """;
                await create.ExecuteNonQueryAsync();
            }

            var run = await CliRun.RunAsync("init", "--db", "sqlite:" + path);

            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Contains("20261122190302_Initial", run.Error, StringComparison.Ordinal);
            Assert.Contains("Move it aside", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal);
            await using var check = new SqliteConnection($"Data Source={path};Pooling=False");
            await check.OpenAsync();
            await using var tables = check.CreateCommand();
            tables.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'";
            Assert.Equal(1L, await tables.ExecuteScalarAsync());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }
}
