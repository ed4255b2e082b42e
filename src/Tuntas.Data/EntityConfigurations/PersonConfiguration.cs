using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("People");
        builder.HasKey(p => p.Id);

        // A NIK belongs to one household, across the whole register.
        builder.Property(p => p.Nik).IsRequired();
        builder.HasIndex(p => p.Nik).IsUnique();

        builder.Property(p => p.Name).HasMaxLength(200).IsRequired();
        builder.Property(p => p.Sex).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Relation).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Education).HasMaxLength(100);
        builder.Property(p => p.Occupation).HasMaxLength(100);
        builder.Property(p => p.Disability).HasMaxLength(100);
        builder.Property(p => p.HealthInsurance).HasMaxLength(100);

        // Exactly one head: the "at most one" half is a partial unique index (same SQL on both
        // databases); the "at least one" half is checked by Household.CheckComplete.
        builder.HasIndex(p => p.HouseholdId)
            .HasDatabaseName("IX_People_OneHeadPerHousehold")
            .IsUnique()
            .HasFilter($"\"Relation\" = '{nameof(FamilyRelation.KepalaKeluarga)}'");
        // Members of a household are read by HouseholdId (and the foreign key needs an index of its
        // own: the partial unique index above covers heads only).
        builder.HasIndex(p => new { p.HouseholdId, p.Relation }).HasDatabaseName("IX_People_HouseholdId_Relation");

        // No index on Name: the register is searched by any part of a name (LIKE '%…%'), which no
        // B-tree index serves, and the index would slow every import.
    }
}
