using Tuntas.Data.Common;
using Tuntas.Data.Import.Reading;
using Tuntas.Domain.Common;

namespace Tuntas.Data.Interventions;

/// <summary>
/// An agency's recipient list imported (from the browser, the command line or the demo): the list
/// is read and matched first, then written in one unit of work. A dry run does all of it and keeps
/// nothing. A file that cannot be read, or a programme that does not exist or is closed, is refused
/// with the reason.
/// </summary>
public sealed class ImportRecipientList(UnitOfWork work, RecipientListImporter importer) : IUseCase
{
    public async Task<WriteResult<RecipientImportSummary>> RunAsync(RecipientImportOptions options, CancellationToken ct = default)
    {
        RecipientListReading reading;
        try
        {
            reading = await importer.ReadAsync(options, ct);
        }
        catch (Exception e) when (e is ImportFileException or UnknownProgrammeException)
        {
            return new WriteError.RuleBroken(e is ImportLimitException limit ? new DomainException(limit.Error) : new DomainException(e.Message));
        }

        using (reading)
        {
            // A dry run does all of it in the transaction and keeps nothing.
            return options.DryRun
                ? await work.TryOutAsync(c => reading.WriteAsync(work.Audit, c), ct)
                : await work.RunAsync(c => reading.WriteAsync(work.Audit, c), ct);
        }
    }
}
