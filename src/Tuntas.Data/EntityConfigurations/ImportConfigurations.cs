using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Data.Import;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class ImportBatchConfiguration : IEntityTypeConfiguration<ImportBatch>
{
    public void Configure(EntityTypeBuilder<ImportBatch> builder)
    {
        builder.ToTable("ImportBatches");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.FileName).HasMaxLength(400);
        builder.Property(b => b.Source).HasMaxLength(100);
        builder.Property(b => b.Format).HasMaxLength(100);
        builder.Property(b => b.UserName).HasMaxLength(256);
    }
}

internal sealed class ImportRejectedRowConfiguration : IEntityTypeConfiguration<ImportRejectedRow>
{
    public void Configure(EntityTypeBuilder<ImportRejectedRow> builder)
    {
        builder.ToTable("ImportRejectedRows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Column).HasMaxLength(40);
        builder.Property(r => r.NoKk).HasMaxLength(16);
        builder.Property(r => r.Nik).HasMaxLength(16);
        builder.Property(r => r.VillageCode).HasMaxLength(13);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(r => r.BatchId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.BatchId, r.Line });
        builder.HasIndex(r => new { r.VillageCode, r.ResolvedAt });
    }
}

internal sealed class HouseholdChangeConfiguration : IEntityTypeConfiguration<HouseholdChange>
{
    public void Configure(EntityTypeBuilder<HouseholdChange> builder)
    {
        builder.ToTable("HouseholdChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Nik).HasMaxLength(16);
        builder.Property(c => c.Field).HasMaxLength(40);
        builder.Property(c => c.Source).HasMaxLength(100);
        builder.HasOne<Household>().WithMany().HasForeignKey(c => c.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(c => c.BatchId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(c => new { c.HouseholdId, c.RecordedAt });
    }
}
