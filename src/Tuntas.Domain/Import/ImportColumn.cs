namespace Tuntas.Domain.Import;

/// <summary>The columns of the household import file (contracts §3).</summary>
public enum ImportColumn
{
    NoKk,
    KodeWilayah,
    Nik,
    Nama,
    JenisKelamin,
    TanggalLahir,
    Hubungan,
    Alamat,
    PengeluaranKapita,
    Desil,
    Pendidikan,
    Pekerjaan,
    Disabilitas,
    JaminanKesehatan,
}

/// <summary>
/// Column names as written in the contract, and the aliases P3KE and DTKS exports and village
/// spreadsheets use. Headers are matched case-insensitively, ignoring spaces, <c>_</c>, <c>-</c>
/// and <c>.</c>.
/// </summary>
public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> Required =
    [
        ImportColumn.NoKk, ImportColumn.KodeWilayah, ImportColumn.Nik, ImportColumn.Nama,
        ImportColumn.JenisKelamin, ImportColumn.TanggalLahir, ImportColumn.Hubungan,
    ];

    /// <summary>The contract's name of each column, as in the template.</summary>
    public static string Name(this ImportColumn column) => column switch
    {
        ImportColumn.NoKk => "no_kk",
        ImportColumn.KodeWilayah => "kode_wilayah",
        ImportColumn.Nik => "nik",
        ImportColumn.Nama => "nama",
        ImportColumn.JenisKelamin => "jenis_kelamin",
        ImportColumn.TanggalLahir => "tanggal_lahir",
        ImportColumn.Hubungan => "hubungan",
        ImportColumn.Alamat => "alamat",
        ImportColumn.PengeluaranKapita => "pengeluaran_kapita",
        ImportColumn.Desil => "desil",
        ImportColumn.Pendidikan => "pendidikan",
        ImportColumn.Pekerjaan => "pekerjaan",
        ImportColumn.Disabilitas => "disabilitas",
        ImportColumn.JaminanKesehatan => "jaminan_kesehatan",
        _ => throw new ArgumentOutOfRangeException(nameof(column)),
    };

    /// <summary>Every accepted header (normalised) and the column it means.</summary>
    public static readonly IReadOnlyDictionary<string, ImportColumn> Aliases = BuildAliases();

    private static Dictionary<string, ImportColumn> BuildAliases()
    {
        var aliases = new Dictionary<ImportColumn, string[]>
        {
            [ImportColumn.NoKk] = ["no_kk", "nomor_kk", "nokk", "no_kartu_keluarga", "nomor_kartu_keluarga", "kk", "no_kk_art"],
            [ImportColumn.KodeWilayah] = ["kode_wilayah", "kode_desa", "kd_desa", "kode_kelurahan", "kode_desa_kelurahan", "kode_wilayah_desa", "id_desa", "kode_kemendagri", "kdwil"],
            [ImportColumn.Nik] = ["nik", "no_nik", "nomor_nik", "nik_art", "nomor_induk_kependudukan"],
            [ImportColumn.Nama] = ["nama", "nama_lengkap", "nama_art", "nama_anggota", "nama_anggota_keluarga"],
            [ImportColumn.JenisKelamin] = ["jenis_kelamin", "jk", "kelamin", "jns_kelamin", "sex"],
            [ImportColumn.TanggalLahir] = ["tanggal_lahir", "tgl_lahir", "tanggal_lahir_art", "tgllahir"],
            [ImportColumn.Hubungan] = ["hubungan", "hubungan_keluarga", "hub_kk", "hubungan_dengan_kk", "hubungan_dengan_kepala_keluarga", "status_hubungan", "shdk", "status_dalam_keluarga"],
            [ImportColumn.Alamat] = ["alamat", "alamat_lengkap", "alamat_rumah"],
            [ImportColumn.PengeluaranKapita] = ["pengeluaran_kapita", "pengeluaran_perkapita", "pengeluaran_per_kapita", "pengeluaran"],
            [ImportColumn.Desil] = ["desil", "desil_nasional", "peringkat_desil", "desil_kesejahteraan"],
            [ImportColumn.Pendidikan] = ["pendidikan", "pendidikan_terakhir", "ijazah_tertinggi"],
            [ImportColumn.Pekerjaan] = ["pekerjaan", "pekerjaan_utama", "status_pekerjaan"],
            [ImportColumn.Disabilitas] = ["disabilitas", "penyandang_disabilitas", "jenis_disabilitas"],
            [ImportColumn.JaminanKesehatan] = ["jaminan_kesehatan", "jamkes", "bpjs", "kepesertaan_jkn", "jkn"],
        };
        var map = new Dictionary<string, ImportColumn>(StringComparer.Ordinal);
        foreach (var (column, names) in aliases)
        {
            foreach (var name in names)
            {
                map[Normalize(name)] = column;
            }
        }

        return map;
    }

    /// <summary>Lower case, without spaces, underscores, dashes, dots and a byte-order mark.</summary>
    public static string Normalize(string header) =>
        new string(header.Where(c => c is not (' ' or '_' or '-' or '.' or '\uFEFF' or '\u00A0')).ToArray()).ToLowerInvariant();

    public static ImportColumn? Match(string header) =>
        Aliases.TryGetValue(Normalize(header), out var column) ? column : null;
}
