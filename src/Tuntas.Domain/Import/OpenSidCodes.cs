using System.Globalization;
using Tuntas.Domain.Registry;

namespace Tuntas.Domain.Import;

/// <summary>What a person's <c>status_dasar</c> in OpenSID says: alive and here, or not.</summary>
public enum OpenSidStatus
{
    Hidup = 1,
    Mati = 2,
    Pindah = 3,
    Hilang = 4,
    Pergi = 6,
    TidakValid = 9,
}

/// <summary>
/// The code lists of OpenSID's population workbook (its <c>Kode Data</c> sheet): each coded column
/// holds the number or the label, in any case. The register keeps relations as its own
/// <see cref="FamilyRelation"/>, and education and occupation as words.
/// </summary>
public static class OpenSidCodes
{
    /// <summary>SHDK (<c>kk_level</c>): 10 Pembantu has no relation of its own in the register and is kept as Lainnya.</summary>
    public static readonly IReadOnlyDictionary<int, string> Relations = Numbered(
        "Kepala Keluarga", "Suami", "Istri", "Anak", "Menantu", "Cucu", "Orang Tua", "Mertua", "Famili Lain", "Pembantu", "Lainnya");

    public static readonly IReadOnlyDictionary<int, string> Statuses = new Dictionary<int, string>
    {
        [1] = "Hidup",
        [2] = "Mati",
        [3] = "Pindah",
        [4] = "Hilang",
        [6] = "Pergi",
        [9] = "Tidak Valid",
    };

    public static readonly IReadOnlyDictionary<int, string> Education = Numbered(
        "Tidak/Belum Sekolah", "Belum Tamat SD/Sederajat", "Tamat SD/Sederajat", "SLTP/Sederajat", "SLTA/Sederajat",
        "Diploma I/II", "Akademi/Diploma III/S. Muda", "Diploma IV/Strata I", "Strata II", "Strata III");

    public static readonly IReadOnlyDictionary<int, string> Occupations = Numbered(
        "Belum/Tidak Bekerja", "Mengurus Rumah Tangga", "Pelajar/Mahasiswa", "Pensiunan", "Pegawai Negeri Sipil (PNS)",
        "Tentara Nasional Indonesia (TNI)", "Kepolisian RI (POLRI)", "Perdagangan", "Petani/Pekebun", "Peternak",
        "Nelayan/Perikanan", "Industri", "Konstruksi", "Transportasi", "Karyawan Swasta", "Karyawan BUMN", "Karyawan BUMD",
        "Karyawan Honorer", "Buruh Harian Lepas", "Buruh Tani/Perkebunan", "Buruh Nelayan/Perikanan", "Buruh Peternakan",
        "Pembantu Rumah Tangga", "Tukang Cukur", "Tukang Listrik", "Tukang Batu", "Tukang Kayu", "Tukang Sol Sepatu",
        "Tukang Las/Pandai Besi", "Tukang Jahit", "Tukang Gigi", "Penata Rias", "Penata Busana", "Penata Rambut", "Mekanik",
        "Seniman", "Tabib", "Paraji", "Perancang Busana", "Penterjemah", "Imam Masjid", "Pendeta", "Pastor", "Wartawan",
        "Ustadz/Mubaligh", "Juru Masak", "Promotor Acara", "Anggota DPR-RI", "Anggota DPD", "Anggota BPK", "Presiden",
        "Wakil Presiden", "Anggota Mahkamah Konstitusi", "Anggota Kabinet Kementerian", "Duta Besar", "Gubernur",
        "Wakil Gubernur", "Bupati", "Wakil Bupati", "Walikota", "Wakil Walikota", "Anggota DPRD Provinsi",
        "Anggota DPRD Kabupaten/Kota", "Dosen", "Guru", "Pilot", "Pengacara", "Notaris", "Arsitek", "Akuntan", "Konsultan",
        "Dokter", "Bidan", "Perawat", "Apoteker", "Psikiater/Psikolog", "Penyiar Televisi", "Penyiar Radio", "Pelaut",
        "Peneliti", "Sopir", "Pialang", "Paranormal", "Pedagang", "Perangkat Desa", "Kepala Desa", "Biarawati", "Wiraswasta",
        "Lainnya");

    /// <summary><c>cacat_id</c>: 7 Tidak Cacat is written as "tidak" (no disability).</summary>
    public static readonly IReadOnlyDictionary<int, string> Disabilities = Numbered(
        "Cacat Fisik", "Cacat Netra/Buta", "Cacat Rungu/Wicara", "Cacat Mental/Jiwa", "Cacat Fisik dan Mental", "Cacat Lainnya", "tidak");

    /// <summary>
    /// The label of a coded cell: a known number gives its label, anything else is returned as it
    /// came (a label, or a number the list does not have, which the row's checks then name).
    /// </summary>
    public static string? Label(IReadOnlyDictionary<int, string> list, string? text)
    {
        var clean = CellReading.Clean(text);
        return clean is not null && int.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && list.TryGetValue(code, out var label)
            ? label
            : clean;
    }

    /// <summary><c>sex</c>: 1 or 2, or the letters and words <see cref="SexCodes"/> reads.</summary>
    public static string? Sex(string? text) => CellReading.Clean(text) switch
    {
        "1" => "L",
        "2" => "P",
        var other => other,
    };

    /// <summary>
    /// <c>kk_level</c> as the register's relation word: the SHDK code or label; Pembantu (10) becomes
    /// Lainnya, the register having no household-help relation.
    /// </summary>
    public static string? Relation(string? text)
    {
        var label = Label(Relations, text);
        return label is not null && new string(label.Where(char.IsLetter).ToArray()).Equals("PEMBANTU", StringComparison.OrdinalIgnoreCase)
            ? "Lainnya"
            : label;
    }

    /// <summary>
    /// <c>status_dasar</c>: empty is taken as Hidup (a template row leaves it out); null for a value
    /// that is neither a code nor a label of the list.
    /// </summary>
    public static OpenSidStatus? Status(string? text)
    {
        var clean = CellReading.Clean(text);
        if (clean is null)
        {
            return OpenSidStatus.Hidup;
        }

        if (int.TryParse(clean, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return Statuses.ContainsKey(code) ? (OpenSidStatus)code : null;
        }

        var letters = new string(clean.Where(char.IsLetter).ToArray()).ToUpperInvariant();
        foreach (var (number, label) in Statuses)
        {
            if (new string(label.Where(char.IsLetter).ToArray()).Equals(letters, StringComparison.OrdinalIgnoreCase))
            {
                return (OpenSidStatus)number;
            }
        }

        return letters == "MENINGGAL" ? OpenSidStatus.Mati : null;
    }

    /// <summary>The label of a status, as OpenSID writes it.</summary>
    public static string Label(this OpenSidStatus status) => Statuses[(int)status];

    private static Dictionary<int, string> Numbered(params string[] labels) =>
        labels.Select((label, i) => (label, i)).ToDictionary(x => x.i + 1, x => x.label);
}
