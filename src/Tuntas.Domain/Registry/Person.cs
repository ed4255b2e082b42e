using System.Diagnostics.CodeAnalysis;
using Tuntas.Domain.Common;

namespace Tuntas.Domain.Registry;

/// <summary>A member of a household, identified by NIK. Name and NIK are personal data (UU PDP 27/2022).</summary>
public sealed class Person
{
    internal Person(Nik nik, string name, Sex sex, DateOnly birthDate, FamilyRelation relation, DateTime nowUtc)
    {
        Nik = nik;
        Rename(name);
        Sex = sex;
        BirthDate = birthDate;
        Relation = relation;
        CreatedAt = UpdatedAt = Household.EnsureUtc(nowUtc);
    }

    // For EF Core materialisation.
    private Person()
    {
        Nik = null!;
        Name = null!;
    }

    public long Id { get; private set; }

    public long HouseholdId { get; private set; }

    public Nik Nik { get; private set; }

    public string Name { get; private set; }

    public Sex Sex { get; set; }

    public DateOnly BirthDate { get; set; }

    public FamilyRelation Relation { get; set; }

    public string? Education { get; set; }

    public string? Occupation { get; set; }

    public string? Disability { get; set; }

    public string? HealthInsurance { get; set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    [MemberNotNull(nameof(Name))]
    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new DomainException(RegistryErrors.MemberNameEmpty());
        }

        Name = name.Trim();
    }

    /// <summary>Age in whole years on a given day.</summary>
    public int AgeOn(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return BirthDate.AddYears(age) > day ? age - 1 : age;
    }

    public void Touch(DateTime nowUtc) => UpdatedAt = Household.EnsureUtc(nowUtc);
}
