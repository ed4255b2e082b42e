using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data.Access;
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

    /// <summary>Services over the database for commands that need users, tokens or the register.</summary>
    public ServiceProvider CreateServices()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddTuntasDatabase(Database);
        services.AddTuntasIdentityCore();
        services.AddScoped<UserAccounts>();
        services.AddScoped<ApiTokens>();
        services.AddTuntasServices();
        return services.BuildServiceProvider();
    }
}
