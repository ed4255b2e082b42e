using Tuntas.Domain.Common;

namespace Tuntas.Domain.Import;

/// <summary>
/// Why an import row is refused or warned about; words under <c>Error.Import.*</c>. The family rules
/// (<c>NikRepeatedInFile</c> to <c>HeadMissing</c>) are applied in SQL, which writes the same codes in
/// the stored form of <see cref="ImportReasons"/>.
/// </summary>
public static class ImportErrors
{
    /// <summary>A reason written out in words before reasons were typed, shown as it is.</summary>
    public static DomainError WrittenOut(string text) => new(ImportReasons.WrittenOut, text);

    public static DomainError DateEmpty(string column) => new("Import.DateEmpty", column);

    public static DomainError DateNotReal(string column, string text) => new("Import.DateNotReal", column, text);

    public static DomainError DateNotADate(string column, string text) => new("Import.DateNotADate", column, text);

    public static DomainError RupiahNotWhole(string column, string text) => new("Import.RupiahNotWhole", column, text);

    public static DomainError RupiahNotANumber(string column, string text) => new("Import.RupiahNotANumber", column, text);

    public static DomainError DigitsStoredAsNumber(string label, string text, string column) => new("Import.DigitsStoredAsNumber", label, text, column);

    public static DomainError NameEmpty() => new("Import.NameEmpty");

    public static DomainError NameTooLong(int length, int max) => new("Import.NameTooLong", length, max);

    public static DomainError UnsafeCharacter(string column, string character, int position) => new("Import.UnsafeCharacter", column, character, position);

    public static DomainError NameFormula(string text, string first) => new("Import.NameFormula", text, first);

    public static DomainError TextFormula(string column, string text, string first) => new("Import.TextFormula", column, text, first);

    public static DomainError SexEmpty() => new("Import.SexEmpty");

    public static DomainError SexUnknown(string text) => new("Import.SexUnknown", text);

    public static DomainError RelationEmpty() => new("Import.RelationEmpty");

    public static DomainError RelationUnknown(string text) => new("Import.RelationUnknown", text);

    public static DomainError BirthFuture(DateOnly date) => new("Import.BirthFuture", date);

    public static DomainError BirthTooOld(DateOnly date) => new("Import.BirthTooOld", date);

    public static DomainError DesilRange(string text) => new("Import.DesilRange", text);

    public static DomainError VillageCode(DomainError reason) => new("Import.VillageCode", reason);

    public static DomainError VillageLevel(string code, string level) => new("Import.VillageLevel", code, level);

    public static DomainError VillageUnknown(string code) => new("Import.VillageUnknown", code);

    public static DomainError VillageOutsideScope(string code, string scope) => new("Import.VillageOutsideScope", code, scope);

    public static DomainError NikWarning(DomainError warning) => new("Import.NikWarning", warning);

    public static DomainError NikBirthDiffers(DateOnly nik, DateOnly row) => new("Import.NikBirthDiffers", nik, row);

    public static DomainError NikSexDiffers(string nik, string row) => new("Import.NikSexDiffers", nik, row);

    public static DomainError NikNoBirthDate(DomainError reason) => new("Import.NikNoBirthDate", reason);

    public static DomainError NikRepeatedInFile(string nik, long line, string noKk) => new("Import.NikRepeatedInFile", nik, line, noKk);

    public static DomainError NikInOtherFamily(string nik, string noKk) => new("Import.NikInOtherFamily", nik, noKk);

    /// <summary>Reasons stored before the register's other regions were hidden still read with it.</summary>
    public static DomainError FamilyOutsideScope(string noKk, string village) => new("Import.FamilyOutsideScope", noKk, village);

    /// <summary>
    /// The NIK belongs to a household outside the importer's region: said without that household's
    /// KK or region, which the importer may not see.
    /// </summary>
    public static DomainError NikNotUsableHere(string nik) => new("Import.NikNotUsableHere", nik);

    /// <summary>The KK is registered outside the importer's region: said without naming where.</summary>
    public static DomainError FamilyNotUsableHere(string noKk) => new("Import.FamilyNotUsableHere", noKk);

    public static DomainError HeadRejected(string noKk, long line) => new("Import.HeadRejected", noKk, line);

    public static DomainError NoHead(string noKk) => new("Import.NoHead", noKk);

    public static DomainError TwoHeads(string noKk, long heads) => new("Import.TwoHeads", noKk, heads);

    public static DomainError HeadMissing(string noKk, string nik) => new("Import.HeadMissing", noKk, nik);

    /// <summary>NIK <c>0</c>: OpenSID's mark of a person still waiting for a NIK from Dukcapil.</summary>
    public static DomainError NikTemporary(string text) => new("Import.NikTemporary", text);

    /// <summary>OpenSID records the person as dead, moved, lost, gone or not valid: not imported as a living member.</summary>
    public static DomainError NotLiving(string status, string code) => new("Import.NotLiving", status, code);

    /// <summary>Added to <see cref="NotLiving"/> when the register holds the person: the register is not changed by the file.</summary>
    public static DomainError NotLivingRegistered(string noKk) => new("Import.NotLivingRegistered", noKk);

    /// <summary>A <c>status_dasar</c> that is neither a code nor a label of OpenSID's list.</summary>
    public static DomainError StatusUnknown(string text) => new("Import.StatusUnknown", text);

    /// <summary>The family's only Kepala Keluarga row is a person who is no longer living in it.</summary>
    public static DomainError HeadNotLiving(string noKk, long line) => new("Import.HeadNotLiving", noKk, line);

    /// <summary>The register's head of the family is recorded in the file as no longer living in it.</summary>
    public static DomainError RegisteredHeadNotLiving(string noKk, string nik) => new("Import.RegisteredHeadNotLiving", noKk, nik);
}
