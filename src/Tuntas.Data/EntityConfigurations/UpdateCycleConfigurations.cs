using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Domain.Registry;
using Tuntas.Domain.UpdateCycles;
using Tuntas.Domain.Verification;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class UpdateCycleConfiguration : IEntityTypeConfiguration<UpdateCycle>
{
    public void Configure(EntityTypeBuilder<UpdateCycle> builder)
    {
        builder.ToTable("UpdateCycles");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Regency).IsRequired();
        builder.Property(c => c.OpenedBy).HasMaxLength(256);
        builder.Property(c => c.Version).IsConcurrencyToken();

        // One cycle per kabupaten/kota and month.
        builder.HasIndex(c => new { c.Regency, c.Month }).IsUnique();
        builder.Ignore(c => c.Deadlines);
        builder.Ignore(c => c.MonthEnd);
        builder.Ignore(c => c.MonthText);
    }
}

internal sealed class CycleVillageConfiguration : IEntityTypeConfiguration<CycleVillage>
{
    public void Configure(EntityTypeBuilder<CycleVillage> builder)
    {
        builder.ToTable("CycleVillages");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Village).IsRequired();
        builder.Property(v => v.MinutesFileName).HasMaxLength(260);
        builder.Property(v => v.MinutesSha256).HasMaxLength(64);
        builder.Property(v => v.MinutesStorageKey).HasMaxLength(200);
        builder.Property(v => v.MeetingRecordedBy).HasMaxLength(256);
        builder.Property(v => v.ProposalsDoneBy).HasMaxLength(256);
        builder.Property(v => v.Version).IsConcurrencyToken();
        builder.HasOne(v => v.Cycle).WithMany().HasForeignKey(v => v.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(v => new { v.CycleId, v.Village }).IsUnique();
        builder.Ignore(v => v.MeetingDone);
    }
}

internal sealed class CycleProposalConfiguration : IEntityTypeConfiguration<CycleProposal>
{
    public void Configure(EntityTypeBuilder<CycleProposal> builder)
    {
        builder.ToTable("CycleProposals");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Village).IsRequired();
        builder.Property(p => p.NoKk).HasMaxLength(16).IsRequired();
        builder.Property(p => p.HeadNik).HasMaxLength(16).IsRequired();
        builder.Property(p => p.HeadName).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Groundcheck).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Reason).HasMaxLength(1000).IsRequired();
        builder.Property(p => p.CheckNote).HasMaxLength(1000);
        builder.Property(p => p.GroundcheckNote).HasMaxLength(1000);
        builder.Property(p => p.EnteredBy).HasMaxLength(256);
        builder.Property(p => p.CheckedBy).HasMaxLength(256);
        builder.Property(p => p.GroundcheckedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasOne<UpdateCycle>().WithMany().HasForeignKey(p => p.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.SetNull);

        // One proposal per family in a cycle.
        builder.HasIndex(p => new { p.CycleId, p.NoKk }).IsUnique();
        builder.HasIndex(p => new { p.CycleId, p.Village });
    }
}

internal sealed class CycleGroundcheckConfiguration : IEntityTypeConfiguration<CycleGroundcheck>
{
    public void Configure(EntityTypeBuilder<CycleGroundcheck> builder)
    {
        builder.ToTable("CycleGroundchecks");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.CreatedBy).HasMaxLength(256);
        builder.HasOne<UpdateCycle>().WithMany().HasForeignKey(g => g.CycleId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Household>().WithMany().HasForeignKey(g => g.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<VisitTask>().WithMany().HasForeignKey(g => g.TaskId).OnDelete(DeleteBehavior.Restrict);

        // The same ranking version queues a family once.
        builder.HasIndex(g => new { g.HouseholdId, g.DesilVersion }).IsUnique();
        builder.HasIndex(g => g.CycleId);
    }
}
