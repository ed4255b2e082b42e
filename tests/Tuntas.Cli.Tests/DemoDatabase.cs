using Tuntas.Testing;

namespace Tuntas.Cli.Tests;

/// <summary>One SQLite database with the demo scenario, loaded once for the tests that read it.</summary>
public sealed class DemoDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public string Uri => Database.Uri.Display;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TestProvider.Sqlite);
        var demo = await CliRun.RunAsync("demo", "--db", Uri);
        Assert.True(demo.ExitCode == 0, demo.ToString());
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}
