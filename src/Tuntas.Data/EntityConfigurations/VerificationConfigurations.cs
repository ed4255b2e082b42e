using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Data.Audit;
using Tuntas.Domain.Monitoring;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class HouseholdStatusEventConfiguration : IEntityTypeConfiguration<HouseholdStatusEvent>
{
    public void Configure(EntityTypeBuilder<HouseholdStatusEvent> builder)
    {
        builder.ToTable("HouseholdStatusEvents");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Reason).HasMaxLength(2000);
        builder.Property(e => e.Source).HasMaxLength(40);

        // The as-of query: the last event of each household on or before a day, by region.
        builder.HasIndex(e => new { e.HouseholdId, e.EffectiveDate, e.Id });
        builder.Property(e => e.VillageCode).IsRequired();
        builder.Property(e => e.DistrictCode).IsRequired();
        builder.Property(e => e.RegencyCode).IsRequired();
        builder.Property(e => e.ProvinceCode).IsRequired();
        builder.HasIndex(e => new { e.RegencyCode, e.EffectiveDate });
        builder.HasIndex(e => new { e.DistrictCode, e.EffectiveDate });
        builder.HasIndex(e => new { e.ProvinceCode, e.EffectiveDate });
        builder.HasOne(e => e.Visit).WithMany().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(e => e.MergedInto).WithMany().HasForeignKey(e => e.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PovertyCriteriaConfiguration : IEntityTypeConfiguration<PovertyCriteria>
{
    public void Configure(EntityTypeBuilder<PovertyCriteria> builder)
    {
        builder.ToTable("PovertyCriteria");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.LineSource).HasMaxLength(300);
        builder.Property(c => c.DesilSource).HasMaxLength(40);
        builder.Property(c => c.DesilPeriod).HasMaxLength(40);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.Year, c.Region });
        builder.Property(c => c.LineCode).HasMaxLength(40);
    }
}

internal sealed class PovertyLineConfiguration : IEntityTypeConfiguration<PovertyLine>
{
    public void Configure(EntityTypeBuilder<PovertyLine> builder)
    {
        builder.ToTable("PovertyLines");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Code).HasMaxLength(40);
        builder.Property(l => l.Basis).HasMaxLength(60);
        builder.Property(l => l.Source).HasMaxLength(300);
        builder.Property(l => l.Computation).HasMaxLength(300);
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.HasIndex(l => new { l.Code, l.Year }).IsUnique();
    }
}

internal sealed class VervalRoundConfiguration : IEntityTypeConfiguration<VervalRound>
{
    public void Configure(EntityTypeBuilder<VervalRound> builder)
    {
        builder.ToTable("VervalRounds");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Region).IsRequired();
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => r.Region);
    }
}

internal sealed class VisitTaskConfiguration : IEntityTypeConfiguration<VisitTask>
{
    public void Configure(EntityTypeBuilder<VisitTask> builder)
    {
        builder.ToTable("VisitTasks");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.AssignedTo).HasMaxLength(256);
        builder.Property(t => t.CreatedBy).HasMaxLength(256);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasOne(t => t.Round).WithMany().HasForeignKey(t => t.RoundId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(t => t.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => new { t.HouseholdId, t.State });
        builder.HasIndex(t => new { t.AssignedTo, t.State });
        builder.HasIndex(t => new { t.RoundId, t.State });
        builder.Ignore(t => t.IsOpen);
    }
}

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.ToTable("Visits");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Visitor).HasMaxLength(256);
        builder.Property(v => v.MetPerson).HasMaxLength(200);
        builder.Property(v => v.Notes).HasMaxLength(4000);
        builder.Property(v => v.Recommendation).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.MergeIntoNoKk).HasMaxLength(16);
        builder.Property(v => v.Review).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.ReviewedBy).HasMaxLength(256);
        builder.Property(v => v.ReviewNote).HasMaxLength(2000);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne(v => v.Task).WithMany().HasForeignKey(v => v.TaskId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.HouseholdId, v.VisitedOn });
        builder.HasIndex(v => v.Review);
        builder.Property(v => v.SubmissionId).HasMaxLength(100);
        builder.Property(v => v.SubmissionHash).HasMaxLength(64);
        builder.HasIndex(v => v.SubmissionId).IsUnique();
        builder.HasMany(v => v.Evidence).WithOne().HasForeignKey(e => e.VisitId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(v => v.Evidence).HasField("_evidence").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(v => v.IsApproved);
        builder.Ignore(v => v.HasEvidence);
    }
}

internal sealed class VisitEvidenceConfiguration : IEntityTypeConfiguration<VisitEvidence>
{
    public void Configure(EntityTypeBuilder<VisitEvidence> builder)
    {
        builder.ToTable("VisitEvidence");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.FileName).HasMaxLength(260);
        builder.Property(e => e.ContentType).HasMaxLength(100);
        builder.Property(e => e.Sha256).HasMaxLength(64);
        builder.Property(e => e.StorageKey).HasMaxLength(200);
        builder.HasIndex(e => e.Sha256);
    }
}

internal sealed class VillageMeetingConfiguration : IEntityTypeConfiguration<VillageMeeting>
{
    public void Configure(EntityTypeBuilder<VillageMeeting> builder)
    {
        builder.ToTable("VillageMeetings");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Village).IsRequired();
        builder.Property(m => m.Attendees).HasMaxLength(2000);
        builder.Property(m => m.MinutesFileName).HasMaxLength(260);
        builder.Property(m => m.MinutesSha256).HasMaxLength(64);
        builder.Property(m => m.MinutesStorageKey).HasMaxLength(200);
        builder.Property(m => m.RecordedBy).HasMaxLength(256);
        builder.Property(m => m.ApprovedBy).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<VervalRound>().WithMany().HasForeignKey(m => m.RoundId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.Village);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(m => m.Decisions).HasField("_decisions").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(m => m.IsApproved);
    }
}

internal sealed class MeetingDecisionConfiguration : IEntityTypeConfiguration<MeetingDecision>
{
    public void Configure(EntityTypeBuilder<MeetingDecision> builder)
    {
        builder.ToTable("MeetingDecisions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Note).HasMaxLength(1000);
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProposalConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.ToTable("Proposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Village).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(4000);
        builder.Property(p => p.ProposerName).HasMaxLength(200);
        builder.Property(p => p.ProposerContact).HasMaxLength(200);
        builder.Property(p => p.SubmittedBy).HasMaxLength(256);
        builder.Property(p => p.EvidenceFileName).HasMaxLength(260);
        builder.Property(p => p.EvidenceSha256).HasMaxLength(64);
        builder.Property(p => p.EvidenceStorageKey).HasMaxLength(200);
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(p => p.Task).WithMany().HasForeignKey(p => p.TaskId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(p => new { p.Village, p.DueOn });
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.ToTable("Targets");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Region).IsRequired();
        builder.Property(t => t.SetBy).HasMaxLength(256);
        builder.HasIndex(t => new { t.Region, t.Date });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Sequence).IsUnique();
        builder.HasIndex(e => e.HouseholdId);
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(60);
        builder.Property(e => e.EntityType).HasMaxLength(40);
        builder.Property(e => e.EntityKey).HasMaxLength(60);
        builder.Property(e => e.Region).HasMaxLength(13);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> builder)
    {
        builder.ToTable("AuditHead");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.Hash).HasMaxLength(64);
    }
}
