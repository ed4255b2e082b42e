namespace Tuntas.Testing;

/// <summary>
/// Workbooks in OpenSID's layouts (its <c>assets/import/</c> templates and its exports), filled with
/// made-up people of Kelurahan Bontang Kuala (64.74.01.1001).
/// </summary>
public static class OpenSidWorkbooks
{
    /// <summary>The 43 columns of <c>FormatImporExcel.xlsm</c>, in the template's order.</summary>
    public static readonly string[] PopulationColumns =
    [
        "alamat", "dusun", "rw", "rt", "nama", "no_kk", "nik", "sex", "tempatlahir", "tanggallahir", "agama_id",
        "pendidikan_kk_id", "pendidikan_sedang_id", "pekerjaan_id", "status_kawin", "kk_level", "warganegara_id", "ayah_nik",
        "nama_ayah", "ibu_nik", "nama_ibu", "golongan_darah_id", "akta_lahir", "dokumen_pasport", "tanggal_akhir_paspor",
        "dokumen_kitas", "akta_perkawinan", "tanggalperkawinan", "akta_perceraian", "tanggalperceraian", "cacat_id",
        "cara_kb_id", "hamil", "ktp_el", "status_rekam", "alamat_sekarang", "status_dasar", "suku", "tag_id_card",
        "id_asuransi", "no_asuransi", "lat", "lng",
    ];

    public const string KkA = "6474010101260001";
    public const string KkB = "6474010101260002";
    public const string KkC = "6474010101260003";
    public const string KkD = "6474010101260004";

    public const string Budi = "6474011708850002";
    public const string Siti = "6474015708900003";
    public const string Andi = "6474011203150004";
    public const string Rahma = "6474014501400005";
    public const string Agus = "6474011708800006";
    public const string Rina = "6474014405100007";
    public const string Dewi = "6474015002750009";
    public const string Tini = "6474014106950010";
    public const string Hasan = "6474010303500011";
    public const string Hasanah = "6474014404550012";

    /// <summary>
    /// The population workbook: sheet <c>Penduduk</c> in the template's column order (families A and B,
    /// ending at <c>###</c> with a note row after it), the <c>Kode Data</c> sheet, and sheet
    /// <c>Penduduk 2</c> with fewer columns in another order and no <c>###</c> (families C and D), as
    /// OpenSID's export writes. Codes and labels are mixed; NIKs are text except Yusuf's, a number
    /// cell (Excel damage); Siti's birth date is a date cell, the others text.
    /// Rahma (A) has <paramref name="rahmaStatus"/>, Rina (B) status 3 Pindah, Hasan (head of D) <paramref name="hasanStatus"/>.
    /// </summary>
    public static string Population(string extension = ".xlsm", object? rahmaStatus = null, object? hasanStatus = null)
    {
        rahmaStatus ??= 2L;
        hasanStatus ??= 2L;
        object?[] Person(string alamat, string dusun, string rw, string rt, string nama, object noKk, object nik, object sex, object born,
            object? education, object? occupation, object kkLevel, object? status, object? disability = null)
        {
            var row = new object?[PopulationColumns.Length];
            void Set(string column, object? value) => row[Array.IndexOf(PopulationColumns, column)] = value;
            Set("alamat", alamat);
            Set("dusun", dusun);
            Set("rw", rw);
            Set("rt", rt);
            Set("nama", nama);
            Set("no_kk", noKk);
            Set("nik", nik);
            Set("sex", sex);
            Set("tempatlahir", "Bontang");
            Set("tanggallahir", born);
            Set("agama_id", 1L);
            Set("pendidikan_kk_id", education);
            Set("pekerjaan_id", occupation);
            Set("status_kawin", "1");
            Set("kk_level", kkLevel);
            Set("warganegara_id", 1L);
            Set("cacat_id", disability);
            Set("status_dasar", status);
            Set("lat", "0.1317");
            Set("lng", "117.5");
            return row;
        }

        var first = new List<object?[]>
        {
            PopulationColumns,
            Person("Jl. Pelabuhan 3", "Dusun I", "002", "004", "Budi Santoso", KkA, Budi, 1L, "1985-08-17", 5L, 9L, 1L, 1L, 7L),
            Person("Jl. Pelabuhan 3", "Dusun I", "002", "004", "Siti Aminah", KkA, Siti, "P", new DateOnly(1990, 8, 17), "SLTA/Sederajat", "Mengurus Rumah Tangga", "Istri", "1"),
            Person("Jl. Pelabuhan 3", "Dusun I", "002", "004", "Andi Santoso", KkA, Andi, "LK", "2015-03-12", 2L, 3L, 4L, 1L),
            Person("Jl. Pelabuhan 3", "Dusun I", "002", "004", "Rahma", KkA, Rahma, 2L, "1940-01-05", 1L, 1L, 7L, rahmaStatus),
            Person("-", "Dusun II", "001", "001", "Agus Salim", KkB, Agus, "L", "1980-08-17", 3L, 11L, "Kepala Keluarga", 1L),
            Person("-", "Dusun II", "001", "001", "Rina Salim", KkB, Rina, "Pr", "2010-05-04", 3L, 3L, 4L, 3L),
            Person("-", "Dusun II", "001", "001", "Yusuf Salim", KkB, 6474011203120008L, 1L, "2012-03-12", 2L, 3L, 4L, 1L),
            Person("-", "Dusun II", "001", "001", "Bayi Salim", KkB, "0", 1L, "2026-01-02", 1L, 1L, 4L, 1L),
            new object?[] { null, "###" },
            new object?[] { "Catatan: baris di bawah ### tidak dibaca." },
        };

        string[] secondColumns = ["nik", "nama", "no_kk", "kk_level", "sex", "tanggallahir", "status_dasar", "alamat", "dusun", "rt", "rw", "pendidikan_kk_id", "pekerjaan_id"];
        var second = new List<object?[]>
        {
            secondColumns,
            new object?[] { Dewi, "Dewi Lestari", KkC, "Kepala Keluarga", "Perempuan", "1975-02-10", "HIDUP", "Jl. Kapal 1", "Dusun III", "003", "001", "Tamat SD/Sederajat", 84L },
            new object?[] { Tini, "Tini", KkC, 10L, 2L, "1995-06-01", 1L, "Jl. Kapal 1", "Dusun III", "003", "001", 4L, 23L },
            new object?[] { Hasan, "Hasan", KkD, 1L, 1L, "1950-03-03", hasanStatus, "Jl. Kapal 7", "Dusun III", "005", "001", 1L, 11L },
            new object?[] { Hasanah, "Hasanah", KkD, 3L, 2L, "1955-04-04", 1L, "Jl. Kapal 7", "Dusun III", "005", "001", 1L, 2L },
        };

        var codes = new List<object?[]>
        {
            new object?[] { "KODE", "SEX" },
            new object?[] { 1L, "LAKI-LAKI" },
            new object?[] { 2L, "PEREMPUAN" },
        };

        return SheetWorkbook.Write(extension, ("Penduduk", first), ("Kode Data", codes), ("Penduduk 2", second));
    }

    /// <summary>The header of sheet Peserta of a Program Bantuan workbook.</summary>
    public static readonly string[] ParticipantColumns = ["Peserta", "No. Peserta", "NIK", "Nama", "Tempat Lahir", "Tanggal Lahir", "Alamat"];

    /// <summary>
    /// OpenSID's Program Bantuan workbook: sheet Program in the template's 7 rows ending at ### with a
    /// note after it, or (<paramref name="export"/>) in OpenSID's export of 8 rows with config_id and no
    /// ###; sheet Peserta with <paramref name="participants"/> (column A, column C) ending at ###, a note row after it.
    /// </summary>
    public static string ProgrammeBantuan(object target, object start, bool export, params (object? Participant, object? Nik)[] participants)
    {
        var programme = new List<object?[]>();
        programme.Add(new object?[] { "ID Program", export ? 12L : "-" });
        if (export)
        {
            programme.Add(new object?[] { "config_id", 1L });
        }

        programme.Add(new object?[] { "Nama Program", "BLT Dana Desa 2025" });
        programme.Add(new object?[] { "Sasaran Program", target });
        programme.Add(new object?[] { "Keterangan", "Bantuan langsung tunai dari Dana Desa" });
        programme.Add(new object?[] { "Asal Dana", "Dana Desa" });
        programme.Add(new object?[] { "Rentang Waktu (Awal)", start });
        programme.Add(new object?[] { "Rentang Waktu (Akhir)", "2025-12-31" });
        if (!export)
        {
            programme.Add(new object?[] { "###" });
            programme.Add(new object?[] { "Catatan: Sasaran Program 1 Penduduk, 2 Keluarga, 3 Rumah Tangga, 4 Kelompok." });
        }

        var rows = new List<object?[]> { ParticipantColumns };
        var n = 0;
        foreach (var (participant, nik) in participants)
        {
            n++;
            rows.Add(new object?[] { participant, $"P-{n:000}", nik, $"Peserta {n}", "Bontang", "1985-08-17", "Jl. Pelabuhan" });
        }

        rows.Add(new object?[] { "###" });
        rows.Add(new object?[] { "Kolom Peserta berisi NIK, No. KK atau nomor rumah tangga sesuai sasaran program." });
        return SheetWorkbook.Write(".xlsx", ("Program", programme), ("Peserta", rows));
    }
}
