using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Data.Desil;
using Tuntas.Data.Import;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class HouseholdDesilConfiguration : IEntityTypeConfiguration<HouseholdDesil>
{
    public void Configure(EntityTypeBuilder<HouseholdDesil> builder)
    {
        builder.ToTable("HouseholdDesils");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Source).HasMaxLength(100);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);
        builder.Ignore(d => d.Period);
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<DesilImport>().WithMany().HasForeignKey(d => d.DesilImportId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<ImportBatch>().WithMany().HasForeignKey(d => d.ImportBatchId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(d => new { d.HouseholdId, d.Version });
        builder.HasIndex(d => d.Version);
    }
}

internal sealed class DesilImportConfiguration : IEntityTypeConfiguration<DesilImport>
{
    public void Configure(EntityTypeBuilder<DesilImport> builder)
    {
        builder.ToTable("DesilImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Source).HasMaxLength(100);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Format).HasMaxLength(100);
        builder.Property(i => i.UserName).HasMaxLength(256);
        builder.Property(i => i.Region).HasMaxLength(13);
    }
}

internal sealed class DesilRejectedRowConfiguration : IEntityTypeConfiguration<DesilRejectedRow>
{
    public void Configure(EntityTypeBuilder<DesilRejectedRow> builder)
    {
        builder.ToTable("DesilRejectedRows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Column).HasMaxLength(40);
        builder.HasOne<DesilImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ImportId);
    }
}

internal sealed class DesilFollowUpConfiguration : IEntityTypeConfiguration<DesilFollowUp>
{
    public void Configure(EntityTypeBuilder<DesilFollowUp> builder)
    {
        builder.ToTable("DesilFollowUps");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.NoKk).HasMaxLength(16);
        builder.Property(f => f.Nik).HasMaxLength(16);
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.Property(f => f.Source).HasMaxLength(100);
        builder.Property(f => f.Region).HasMaxLength(13);
        builder.Property(f => f.NumberRegency).HasMaxLength(13);
        builder.HasOne<DesilImport>().WithMany().HasForeignKey(f => f.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.NoKk, f.Source, f.Version });
        builder.HasIndex(f => f.Region);
    }
}
