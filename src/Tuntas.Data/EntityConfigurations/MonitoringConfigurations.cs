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

internal sealed class RegionDayCountConfiguration : IEntityTypeConfiguration<Monitoring.RegionDayCount>
{
    public void Configure(EntityTypeBuilder<Monitoring.RegionDayCount> builder)
    {
        builder.ToTable("RegionDayCounts");
        builder.HasKey(c => new { c.Region, c.Measure, c.Day });
        builder.Property(c => c.Measure).HasMaxLength(24);
        // Covering indexes: a region's figures as of a day, and its children's, are read from the
        // index alone (the table is never visited).
        builder.HasIndex(c => new { c.Region, c.Measure, c.Day, c.Households, c.People });
        builder.HasIndex(c => new { c.Parent, c.Measure, c.Day, c.Region, c.Households, c.People });
    }
}

internal sealed class DayCountStateConfiguration : IEntityTypeConfiguration<Monitoring.DayCountState>
{
    public void Configure(EntityTypeBuilder<Monitoring.DayCountState> builder)
    {
        builder.ToTable("DayCountState");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
