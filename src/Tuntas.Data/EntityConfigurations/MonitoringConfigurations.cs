using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Domain.Monitoring;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class PopulationCountConfiguration : IEntityTypeConfiguration<PopulationCount>
{
    public void Configure(EntityTypeBuilder<PopulationCount> builder)
    {
        builder.ToTable("Population");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Region).IsRequired();
        builder.Property(p => p.Source).HasMaxLength(200);
        builder.HasIndex(p => new { p.Region, p.Year }).IsUnique();
    }
}
