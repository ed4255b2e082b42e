using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> builder)
    {
        builder.ToTable("Households");
        builder.HasKey(h => h.Id);
        builder.Property(h => h.NoKk).IsRequired();
        builder.HasIndex(h => h.NoKk).IsUnique();

        builder.Property(h => h.VillageCode).IsRequired();
        builder.Property(h => h.DistrictCode).IsRequired();
        builder.Property(h => h.RegencyCode).IsRequired();
        builder.Property(h => h.ProvinceCode).IsRequired();
        builder.HasIndex(h => new { h.VillageCode, h.Status });
        builder.HasIndex(h => new { h.DistrictCode, h.Status });
        builder.HasIndex(h => new { h.RegencyCode, h.Status });
        builder.HasIndex(h => new { h.ProvinceCode, h.Status });
        builder.HasOne<Region>().WithMany().HasForeignKey(h => h.VillageCode).OnDelete(DeleteBehavior.Restrict);

        builder.Property(h => h.Address).HasMaxLength(500);
        builder.Property(h => h.DesilSource).HasMaxLength(40);
        builder.Property(h => h.DesilPeriod).HasMaxLength(40);
        builder.Property(h => h.Status).HasConversion<string>().HasMaxLength(20);
        builder.ToTable(t => t.HasCheckConstraint("CK_Households_Desil", "\"Desil\" IS NULL OR (\"Desil\" BETWEEN 1 AND 10)"));
        builder.ToTable(t => t.HasCheckConstraint("CK_Households_Spending", "\"SpendingPerCapita\" IS NULL OR \"SpendingPerCapita\" >= 0"));

        builder.HasMany(h => h.Members).WithOne().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Members).HasField("_members").UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(h => h.Head);
        builder.Ignore(h => h.Facts);

        builder.Property(h => h.Indicators).HasConversion<int?>();
        builder.Property(h => h.ClassificationJson).HasMaxLength(4000);
        builder.Property(h => h.Version).IsConcurrencyToken();
        builder.HasOne<Household>().WithMany().HasForeignKey(h => h.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.StatusHistory).WithOne(e => e.Household).HasForeignKey(e => e.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.StatusHistory).HasField("_statusHistory").UsePropertyAccessMode(PropertyAccessMode.Field);

        // The residence history is small (a row per move) and every status decision needs it to be
        // placed in the right village, so it comes with every household that is read.
        builder.HasMany(h => h.Moves).WithOne().HasForeignKey(m => m.HouseholdId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(h => h.Moves).HasField("_moves").UsePropertyAccessMode(PropertyAccessMode.Field).AutoInclude();
    }
}

internal sealed class HouseholdMoveConfiguration : IEntityTypeConfiguration<HouseholdMove>
{
    public void Configure(EntityTypeBuilder<HouseholdMove> builder)
    {
        builder.ToTable("HouseholdMoves");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.FromVillageCode).IsRequired();
        builder.Property(m => m.ToVillageCode).IsRequired();
        builder.Property(m => m.Actor).HasMaxLength(256);
        builder.Property(m => m.Source).HasMaxLength(40);
        builder.HasIndex(m => new { m.HouseholdId, m.MovedOn });
    }
}
