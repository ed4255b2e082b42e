using Tuntas.Data.Common;
using Tuntas.Data.Import.Reading;
using Tuntas.Domain.Common;

namespace Tuntas.Data.Monitoring;

/// <summary>
/// The population of regions by year loaded from a statistics table (<c>tuntas population import</c>),
/// in one unit of work: the valid rows are kept, the bad ones go to the errors file. A file that
/// cannot be read at all is refused with the reason.
/// </summary>
public sealed class ImportPopulation(UnitOfWork work, PopulationImporter importer) : IUseCase
{
    public async Task<WriteResult<PopulationImportSummary>> RunAsync(string path, string? errorsPath = null, string source = "BPS", CancellationToken ct = default)
    {
        try
        {
            return await work.RunAsync(c => importer.RunAsync(path, errorsPath, source, c), ct);
        }
        catch (ImportFileException e)
        {
            return new WriteError.RuleBroken(e is ImportLimitException limit ? new DomainException(limit.Error) : new DomainException(e.Message));
        }
    }
}
