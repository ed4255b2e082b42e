using System.Diagnostics;
using System.Text.Json;

namespace Tuntas.Cli.Tests;

/// <summary>The <c>./tuntas</c> script at the repository root, run as a user runs it.</summary>
public class TuntasScriptTests
{
    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tuntas.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The repository root (Tuntas.slnx) was not found above the test folder.");
    }

    [Fact]
    public async Task Script_BuildsIfNeeded_AndListsBontangsDistricts()
    {
        var root = RepositoryRoot();
        var dbFolder = Path.Combine(Path.GetTempPath(), $"tuntas-script-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(Path.Combine(root, "tuntas"))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[] { "regions", "--parent", "6474", "--json", "--db", $"sqlite:{dbFolder}/tuntas.db" })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            await process.WaitForExitAsync(timeout.Token);

            Assert.True(process.ExitCode == 0, await stderr);
            using var json = JsonDocument.Parse(await stdout);
            Assert.Equal("64.74", json.RootElement.GetProperty("parent").GetString());
            Assert.Equal(
                new[] { "64.74.01", "64.74.02", "64.74.03" },
                json.RootElement.GetProperty("regions").EnumerateArray().Select(r => r.GetProperty("code").GetString()!).ToArray());
        }
        finally
        {
            if (Directory.Exists(dbFolder))
            {
                Directory.Delete(dbFolder, recursive: true);
            }
        }
    }
}
