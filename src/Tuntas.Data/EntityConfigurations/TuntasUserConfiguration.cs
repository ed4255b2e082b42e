using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Data.Access;
using Tuntas.Domain.Regions;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class TuntasUserConfiguration : IEntityTypeConfiguration<TuntasUser>
{
    public void Configure(EntityTypeBuilder<TuntasUser> builder)
    {
        builder.Property(u => u.ProgrammeCode).HasMaxLength(30);
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(u => u.Scope);
    }
}
