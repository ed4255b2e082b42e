using Tuntas.Cli.Common;
using Tuntas.Data.Common;

namespace Tuntas.Cli.Commands;

/// <summary>The command line's side of a use case: run it, show what it did, or fail with its reason.</summary>
internal static class CliWrites
{
    /// <summary>
    /// Runs <paramref name="write"/> on the use case <typeparamref name="TUseCase"/> after the opening
    /// steps; on success <paramref name="show"/> writes the outcome and gives the exit code, on a
    /// refusal the reason goes to standard error (in the command's own words when
    /// <paramref name="words"/> gives them) with exit code 2.
    /// </summary>
    public static Task<int> WriteAsync<TUseCase, TValue>(
        this CliContext cli, Func<TUseCase, Task<WriteResult<TValue>>> write, Func<TValue, int> show, CancellationToken ct, Func<WriteError, string?>? words = null)
        where TUseCase : notnull =>
        cli.WithAsync<TUseCase>(async useCase =>
        {
            var result = await write(useCase);
            return result.Error is { } error ? cli.Fail(words?.Invoke(error) ?? error.English) : show(result.Value!);
        }, ct);
}
