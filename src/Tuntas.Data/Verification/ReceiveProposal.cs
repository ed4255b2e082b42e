using Tuntas.Data.Common;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.Verification;

/// <summary>What an usul or sanggah says, as received from staff or from a resident on the public page.</summary>
public sealed record ProposalReceived(
    ProposalKind Kind, RegionCode Village, long? HouseholdId, string Description, string ProposerName, string? Contact, EvidenceFile? Evidence);

/// <summary>
/// Receives an usul (a family to add) or a sanggah (an objection to a listed family): it is kept with
/// its 14-day deadline and, for a household of the register, joins its pending visit task or raises
/// one. One unit of work.
/// </summary>
public sealed class ReceiveProposal(UnitOfWork work, VervalService verval) : IUseCase
{
    /// <summary>Receives it from <paramref name="submittedBy"/>, the staff member who entered it (null for a resident on the public page).</summary>
    /// <returns>The proposal as stored (its id is the number the resident quotes).</returns>
    public Task<WriteResult<Proposal>> ReceiveAsync(ProposalReceived received, string? submittedBy, CancellationToken ct = default) =>
        work.RunOrRefuseAsync<Proposal>(async c =>
        {
            var household = received.HouseholdId is { } id ? await work.Db.Households.FindAsync([id], c) : null;
            if (received.HouseholdId is not null && household is null)
            {
                return new WriteError.NotFound("household");
            }

            return WriteResult<Proposal>.Ok(await verval.SubmitProposalAsync(received.Kind, received.Village, household, received.Description,
                received.ProposerName, received.Contact, received.Evidence, submittedBy, work.Audit, c));
        }, ct);
}
