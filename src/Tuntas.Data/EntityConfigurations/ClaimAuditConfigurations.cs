using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Domain.ClaimAudit;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class ClaimAuditSampleConfiguration : IEntityTypeConfiguration<ClaimAuditSample>
{
    public void Configure(EntityTypeBuilder<ClaimAuditSample> builder)
    {
        builder.ToTable("ClaimAuditSamples");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Seed).HasMaxLength(SampleDraw.MaxSeedLength);
        builder.Property(s => s.PopulationHash).HasMaxLength(64);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.HasIndex(s => new { s.Region, s.CreatedAt });
        builder.HasMany(s => s.Items).WithOne(i => i.Sample).HasForeignKey(i => i.SampleId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(s => s.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class ClaimAuditItemConfiguration : IEntityTypeConfiguration<ClaimAuditItem>
{
    public void Configure(EntityTypeBuilder<ClaimAuditItem> builder)
    {
        builder.ToTable("ClaimAuditItems");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.NoKk).HasMaxLength(16);
        builder.Property(i => i.OriginalVisitor).HasMaxLength(256);
        builder.Property(i => i.OriginalReviewer).HasMaxLength(256);
        builder.Property(i => i.OriginalActor).HasMaxLength(256);
        builder.Property(i => i.AssignedTo).HasMaxLength(256);
        builder.Property(i => i.CheckedBy).HasMaxLength(256);
        builder.Property(i => i.Finding).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Note).HasMaxLength(ClaimAuditItem.MaxNoteLength);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(i => i.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.SampleId, i.HouseholdId }).IsUnique();
        builder.HasIndex(i => new { i.AssignedTo, i.Finding });
        builder.Ignore(i => i.Original);
    }
}
