using System.Text.Json;

namespace Tuntas.Cli.Tests;

/// <summary>One in-process run of the tuntas command.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";

    public static async Task<CliRun> RunWithInputAsync(string stdin, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await TuntasCli.RunAsync(args, new StringReader(stdin), output, error);
        return new CliRun(exit, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync(string.Empty, args);

    /// <summary>Standard output as the one JSON object the contract promises.</summary>
    public JsonElement Json()
    {
        using var doc = JsonDocument.Parse(Output);
        return doc.RootElement.Clone();
    }
}
