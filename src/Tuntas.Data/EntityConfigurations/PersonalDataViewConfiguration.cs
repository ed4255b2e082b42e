using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Data.Access;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class PersonalDataViewConfiguration : IEntityTypeConfiguration<PersonalDataView>
{
    public void Configure(EntityTypeBuilder<PersonalDataView> builder)
    {
        builder.ToTable("PersonalDataViews");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.UserName).HasMaxLength(256).IsRequired();
        builder.Property(v => v.Role).HasMaxLength(16).IsRequired();
        builder.Property(v => v.Action).HasMaxLength(32).IsRequired();
        builder.Property(v => v.Subject).HasMaxLength(128).IsRequired();
        builder.Property(v => v.Region).HasMaxLength(16);
        builder.HasIndex(v => v.At);
        builder.HasIndex(v => new { v.UserName, v.At });
        builder.HasIndex(v => new { v.Subject, v.At });
    }
}
