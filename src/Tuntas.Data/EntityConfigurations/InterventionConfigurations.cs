using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tuntas.Data.Interventions;
using Tuntas.Domain.Interventions;
using Tuntas.Domain.Registry;

namespace Tuntas.Data.EntityConfigurations;

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> builder)
    {
        builder.ToTable("Programmes");
        builder.HasKey(p => p.Code);
        builder.Property(p => p.Code).HasMaxLength(30);
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.OwnerAgency).HasMaxLength(200);
        builder.Property(p => p.Strategy).HasConversion<string>().HasMaxLength(30);
        builder.Property(p => p.Unit).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Property(p => p.EligibilitySource).HasMaxLength(100);
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.ToTable("Deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.ProgrammeCode).HasMaxLength(30);
        builder.HasOne(d => d.Programme).WithMany().HasForeignKey(d => d.ProgrammeCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Household>().WithMany().HasForeignKey(d => d.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(d => d.Agency).HasMaxLength(200);
        builder.Property(d => d.Note).HasMaxLength(Delivery.MaxNoteLength);
        builder.Property(d => d.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.RecipientKey).HasMaxLength(24);
        builder.Property(d => d.EvidenceFileName).HasMaxLength(260);
        builder.Property(d => d.EvidenceContentType).HasMaxLength(100);
        builder.Property(d => d.EvidenceSha256).HasMaxLength(64);
        builder.Property(d => d.EvidenceStorageKey).HasMaxLength(200);
        builder.Property(d => d.RecordedBy).HasMaxLength(256);

        // One delivery per programme, recipient and day: a list imported twice adds nothing.
        builder.HasIndex(d => new { d.ProgrammeCode, d.RecipientKey, d.Date }).IsUnique();
        builder.HasIndex(d => new { d.HouseholdId, d.Date });
        builder.HasIndex(d => d.Date);
    }
}

internal sealed class NeedRuleConfiguration : IEntityTypeConfiguration<NeedRule>
{
    public void Configure(EntityTypeBuilder<NeedRule> builder)
    {
        builder.ToTable("NeedRules");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Code).HasMaxLength(30);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Programmes).HasMaxLength(200);
        builder.Property(r => r.Subject).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Fact).HasMaxLength(40);
        builder.Property(r => r.Operator).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Values).HasMaxLength(1000);
        builder.Ignore(r => r.ProgrammeCodes);
        builder.Ignore(r => r.ValueList);
        builder.HasIndex(r => r.Code);
    }
}

internal sealed class RecipientImportConfiguration : IEntityTypeConfiguration<RecipientImport>
{
    public void Configure(EntityTypeBuilder<RecipientImport> builder)
    {
        builder.ToTable("RecipientImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ProgrammeCode).HasMaxLength(30);
        builder.Property(i => i.FileName).HasMaxLength(260);
        builder.Property(i => i.Format).HasMaxLength(100);
        builder.Property(i => i.UserName).HasMaxLength(256);
        builder.Property(i => i.Region).HasMaxLength(13);
    }
}

internal sealed class RecipientRejectedRowConfiguration : IEntityTypeConfiguration<RecipientRejectedRow>
{
    public void Configure(EntityTypeBuilder<RecipientRejectedRow> builder)
    {
        builder.ToTable("RecipientRejectedRows");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Column).HasMaxLength(40);
        builder.HasOne<RecipientImport>().WithMany().HasForeignKey(r => r.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.ImportId);
    }
}

internal sealed class UnmatchedRecipientConfiguration : IEntityTypeConfiguration<UnmatchedRecipient>
{
    public void Configure(EntityTypeBuilder<UnmatchedRecipient> builder)
    {
        builder.ToTable("UnmatchedRecipients");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.ProgrammeCode).HasMaxLength(30);
        builder.Property(u => u.RecipientKey).HasMaxLength(24);
        builder.Property(u => u.Note).HasMaxLength(Delivery.MaxNoteLength);
        builder.Property(u => u.Region).HasMaxLength(13);
        builder.Property(u => u.NumberDistrict).HasMaxLength(13);
        builder.Property(u => u.Resolution).HasMaxLength(500);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.ProgrammeCode, u.RecipientKey, u.Date }).IsUnique();
        builder.HasIndex(u => u.RecipientKey);
    }
}
