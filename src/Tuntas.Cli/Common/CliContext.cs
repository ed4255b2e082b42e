using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Database;

namespace Tuntas.Cli.Common;

/// <summary>What a command needs from its invocation: where to write, whether to speak JSON, which database.</summary>
public sealed class CliContext(TextReader input, TextWriter output, TextWriter error, bool json, string? dbOption)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public TextReader Input { get; } = input;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    public bool Json { get; } = json;

    /// <summary>The clock commands date their work by (the system's; the one home of time).</summary>
    public Tuntas.Domain.Regions.RegionClock Clock { get; } = Tuntas.Domain.Regions.RegionClock.System;

    /// <summary>The database named by <c>--db</c>, <c>TUNTAS_DB</c> or the default; throws <see cref="ArgumentException"/> when malformed.</summary>
    public DatabaseUri Database => DatabaseUri.FromOptionOrEnvironment(dbOption);

    /// <summary>Writes exactly one JSON object to standard output.</summary>
    public void WriteJson(object value) => Output.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>A usage error: the reason on standard error (and as JSON when asked), exit code 2.</summary>
    public int Fail(string message, int exitCode = ExitCodes.UsageError)
    {
        Error.WriteLine($"tuntas: {message}");
        if (Json)
        {
            WriteJson(new { error = message });
        }

        return exitCode;
    }

    /// <summary>
    /// The opening steps of every command that uses the register: the schema and regions made ready,
    /// the services built, one scope (one unit of work's lifetime), and the service
    /// <typeparamref name="T"/> (a use case or a query) handed to <paramref name="work"/>.
    /// </summary>
    public async Task<int> WithAsync<T>(Func<T, Task<int>> work, CancellationToken ct)
        where T : notnull
    {
        await Commands.DatabaseReady.EnsureAsync(this, ct);
        await using var services = CreateServices();
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    /// <summary>The same opening steps, handing over the scope's services for a command that needs several.</summary>
    public async Task<int> WithAsync(Func<IServiceProvider, Task<int>> work, CancellationToken ct)
    {
        await Commands.DatabaseReady.EnsureAsync(this, ct);
        await using var services = CreateServices();
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    /// <summary>Services over the database for commands that need users, tokens or the register.</summary>
    public ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddTuntas(Database);
        return services.BuildServiceProvider();
    }
}
