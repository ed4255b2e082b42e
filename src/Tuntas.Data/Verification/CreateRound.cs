using Tuntas.Data.Common;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.Verification;

/// <summary>
/// Opens a verification round (putaran verval) for a region: every listed household, and every
/// verified one due for re-verification, gets a visit task, given to the operator of its village or
/// the facilitator of its kecamatan. One unit of work.
/// </summary>
public sealed class CreateRound(UnitOfWork work, VervalService verval) : IUseCase
{
    public Task<WriteResult<RoundCreated>> CreateAsync(RegionScope scope, RegionCode region, string name, DateOnly start, DateOnly end, int reverifyMonths, string actor, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<RoundCreated>(async c => !scope.Contains(region)
            ? new WriteError.NotAllowed("round")
            : WriteResult<RoundCreated>.Ok(await verval.CreateRoundAsync(region, name, start, end, reverifyMonths, actor, work.Audit, c)), ct);
}
