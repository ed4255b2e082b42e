using Tuntas.Data.ClaimAudit;
using Tuntas.Data.Monitoring;

namespace Tuntas.Web.Monitoring;

/// <summary>
/// What is shown beside a headline so it is not only a number on paper: the count, how many exits an
/// approved field visit backs, and the claim audits (or that there is none yet).
/// </summary>
/// <param name="Households">The extreme-poor households; null when withheld.</param>
/// <param name="Proof">Exits and those backed by an approved visit (a visit pending review or returned does not count); null when withheld.</param>
/// <param name="Audits">The audits of the region whose period ended by the day, one per status.</param>
/// <param name="AuditsLink">The claim-audit screen of the region, for those who may open it.</param>
public sealed record ClaimAuditLine(int? Households, FieldProof? Proof, IReadOnlyList<ClaimAuditStanding> Audits, string? AuditsLink);
