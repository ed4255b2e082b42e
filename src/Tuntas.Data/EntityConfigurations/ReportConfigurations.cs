using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Data.Reports;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class ImportedReportConfiguration : IEntityTypeConfiguration<ImportedReport>
{
    public void Configure(EntityTypeBuilder<ImportedReport> builder)
    {
        builder.ToTable("ImportedReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Region).HasMaxLength(13);
        builder.Property(r => r.RegionName).HasMaxLength(200);
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.AuditHeadHash).HasMaxLength(64);
        builder.Property(r => r.FileName).HasMaxLength(260);
        builder.Property(r => r.ImportedBy).HasMaxLength(256);
        builder.HasIndex(r => r.Sha256).IsUnique();
        builder.HasIndex(r => new { r.Region, r.At });
    }
}
