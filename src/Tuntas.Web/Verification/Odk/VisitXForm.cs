using System.Security.Cryptography;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Web.Verification.Odk;

/// <summary>
/// The visit form as an XForm for ODK Collect and KoboCollect, made from the same definition as the
/// web visit form (<see cref="VisitReport"/>, the eight indicators of <see cref="PovertyIndicatorNames"/>,
/// the status names a visitor may recommend), labelled in Bahasa Indonesia (the default) and English.
/// The household is chosen from the manifest's CSV (<see cref="MediaFile"/>: column <c>name</c> = the
/// No. KK, <c>label</c> = what the visitor sees, <c>task</c> = the visit task). The bytes are built once
/// and served as they are, so the formList's hash is that of what is downloaded.
/// </summary>
public static class VisitXForm
{
    public const string FormId = "tuntas_kunjungan";

    public const string MediaFile = "households.csv";

    /// <summary>Photo fields: the web form takes several photos; Collect needs one field per photo.</summary>
    public static readonly IReadOnlyList<string> PhotoFields = ["foto_1", "foto_2", "foto_3"];

    /// <summary>When the form was opened on the phone (<c>jr:preload="timestamp"</c>, <c>start</c>).</summary>
    public const string StartField = "start";

    /// <summary>When the form was last finished on the phone (<c>jr:preload="timestamp"</c>, <c>end</c>).</summary>
    public const string EndField = "end";

    /// <summary>The answers of yes/no questions.</summary>
    public const string Yes = "ya";

    public const string No = "tidak";

    /// <summary>What a visitor may recommend, by status name (the same values as the web form's).</summary>
    public static readonly IReadOnlyList<HouseholdStatus> Recommendations =
        [HouseholdStatus.Verified, HouseholdStatus.Graduated, HouseholdStatus.Excluded, HouseholdStatus.Moved, HouseholdStatus.Deceased, HouseholdStatus.Merged];

    private static readonly XNamespace H = "http://www.w3.org/1999/xhtml";
    private static readonly XNamespace X = "http://www.w3.org/2002/xforms";
    private static readonly XNamespace Jr = "http://openrosa.org/javarosa";
    private static readonly XNamespace OdkNs = "http://www.opendatakit.org/xforms";
    private static readonly XNamespace Orx = "http://openrosa.org/xforms";

    private static readonly Lazy<(byte[] Bytes, string Version)> Built = new(Build);

    /// <summary>The form's bytes (UTF-8), as served.</summary>
    public static byte[] Bytes => Built.Value.Bytes;

    /// <summary>The form's version: a digest of its content, so that a changed form is a new version for Collect.</summary>
    public static string Version => Built.Value.Version;

    public static string Title => "Kunjungan Lapangan Tuntas";

    /// <summary><c>md5:</c> and the MD5 of the bytes, as OpenRosa lists it.</summary>
    public static string Md5(byte[] bytes) => "md5:" + Convert.ToHexStringLower(MD5.HashData(bytes));

    /// <summary>One question of the form.</summary>
    private sealed record Question(string Name, string Type, string Indonesian, string English, string? Relevant = null, bool Required = false, string? Constraint = null, string? ConstraintId = null, string? ConstraintEn = null);

    private const string IfFound = "/data/ditemukan = 'ya'";

    private static IEnumerable<Question> Questions()
    {
        yield return new("keluarga", "select-household", "Keluarga yang dikunjungi (No. KK)", "Household visited (No. KK)", Required: true);
        yield return new("tanggal_kunjungan", "date", "Tanggal kunjungan", "Date of the visit", Required: true,
            Constraint: ". <= today()", ConstraintId: "Tanggal kunjungan tidak boleh di masa depan.", ConstraintEn: "The visit date cannot be in the future.");
        yield return new("ditemukan", "yes-no", "Keluarga ditemukan di alamat?", "Was the household found at the address?", Required: true);
        yield return new("yang_ditemui", "string", "Siapa yang ditemui (nama dan hubungan)", "Who was met (name and relation)", IfFound, Required: true);
        yield return new("tanpa_tempat_tinggal", "yes-no", "Tidak punya tempat tinggal?", "No shelter at all?", IfFound, Required: true);
        foreach (var indicator in PovertyIndicatorNames.All)
        {
            yield return new(indicator.ToWire(), "yes-no", indicator.ToIndonesian(), indicator.ToEnglish(), IfFound, Required: true);
        }

        yield return new("pengeluaran_per_kapita", "int", "Perkiraan pengeluaran per orang per bulan (Rp)", "Estimated spending per person per month (Rp)", IfFound,
            Constraint: ". >= 0", ConstraintId: "Pengeluaran tidak boleh negatif.", ConstraintEn: "Spending cannot be negative.");
        yield return new("anggota_ada", "int", "Anggota keluarga yang ada", "Members present", IfFound, Constraint: ". >= 0", ConstraintId: "Tidak boleh negatif.", ConstraintEn: "Cannot be negative.");
        yield return new("anggota_pindah", "int", "Anggota yang pindah", "Members who moved away", IfFound, Constraint: ". >= 0", ConstraintId: "Tidak boleh negatif.", ConstraintEn: "Cannot be negative.");
        yield return new("anggota_meninggal", "int", "Anggota yang meninggal", "Members who died", IfFound, Constraint: ". >= 0", ConstraintId: "Tidak boleh negatif.", ConstraintEn: "Cannot be negative.");
        yield return new("anggota_lahir", "int", "Anggota yang lahir", "Members born", IfFound, Constraint: ". >= 0", ConstraintId: "Tidak boleh negatif.", ConstraintEn: "Cannot be negative.");
        yield return new("lokasi", "geopoint", "Lokasi rumah (GPS)", "Location of the house (GPS)");
        for (var i = 0; i < PhotoFields.Count; i++)
        {
            yield return new(PhotoFields[i], "image", $"Foto {i + 1}", $"Photo {i + 1}");
        }

        yield return new("catatan", "string", "Catatan", "Notes");
        yield return new("rekomendasi", "recommendation", "Rekomendasi status (kosongkan bila tetap)", "Recommended status (leave empty to keep it)");
        yield return new("gabung_ke_no_kk", "string", "No. KK keluarga tujuan penggabungan", "No. KK of the household to merge into", "/data/rekomendasi = 'Merged'", Required: true,
            Constraint: "regex(., '^[0-9]{16}$')", ConstraintId: "No. KK terdiri dari 16 angka.", ConstraintEn: "A No. KK has 16 digits.");
    }

    private static (byte[] Bytes, string Version) Build()
    {
        var draft = Serialize(Document("0"));
        var version = Convert.ToHexStringLower(SHA256.HashData(draft))[..12];
        return (Serialize(Document(version)), version);
    }

    private static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, NewLineChars = "\n" }))
        {
            document.Save(writer);
        }

        return stream.ToArray();
    }

    private static XDocument Document(string version)
    {
        var questions = Questions().ToList();
        var data = new XElement(X + "data", new XAttribute("id", FormId), new XAttribute("version", version),
            new XElement(X + StartField), new XElement(X + EndField));
        foreach (var q in questions)
        {
            data.Add(new XElement(X + q.Name));
            if (q.Type == "select-household")
            {
                data.Add(new XElement(X + "tugas"));
            }
        }

        data.Add(new XElement(X + "meta", new XElement(X + "instanceID")));

        var model = new XElement(X + "model", new XAttribute(OdkNs + "xforms-version", "1.0.0"),
            Itext(questions),
            new XElement(X + "instance", data),
            new XElement(X + "instance", new XAttribute("id", "households"), new XAttribute("src", "jr://file-csv/" + MediaFile)));

        foreach (var q in questions)
        {
            var bind = new XElement(X + "bind", new XAttribute("nodeset", "/data/" + q.Name), new XAttribute("type", BindType(q.Type)));
            if (q.Relevant is not null)
            {
                bind.Add(new XAttribute("relevant", q.Relevant));
            }

            if (q.Required)
            {
                bind.Add(new XAttribute("required", "true()"));
            }

            if (q.Constraint is not null)
            {
                bind.Add(new XAttribute("constraint", q.Constraint), new XAttribute(Jr + "constraintMsg", $"jr:itext('/data/{q.Name}:constraintMsg')"));
            }

            model.Add(bind);
            if (q.Type == "select-household")
            {
                model.Add(new XElement(X + "bind", new XAttribute("nodeset", "/data/tugas"), new XAttribute("type", "string"),
                    new XAttribute("calculate", "instance('households')/root/item[name = /data/keluarga]/task")));
            }
        }

        // Standard ODK metadata, filled by Collect itself: when the form was opened and when it was finished.
        foreach (var (field, moment) in new[] { (StartField, "start"), (EndField, "end") })
        {
            model.Add(new XElement(X + "bind", new XAttribute("nodeset", "/data/" + field), new XAttribute("type", "dateTime"),
                new XAttribute(Jr + "preload", "timestamp"), new XAttribute(Jr + "preloadParams", moment)));
        }

        model.Add(new XElement(X + "bind", new XAttribute("nodeset", "/data/meta/instanceID"), new XAttribute("type", "string"),
            new XAttribute("readonly", "true()"), new XAttribute(Jr + "preload", "uid")));

        var body = new XElement(H + "body");
        foreach (var q in questions)
        {
            body.Add(Control(q));
        }

        var html = new XElement(H + "html",
            new XAttribute("xmlns", X.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "h", H.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "jr", Jr.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "odk", OdkNs.NamespaceName),
            new XAttribute(XNamespace.Xmlns + "orx", Orx.NamespaceName),
            new XElement(H + "head", new XElement(H + "title", Title), model),
            body);
        return new XDocument(new XDeclaration("1.0", "utf-8", null), html);
    }

    private static string BindType(string type) => type switch
    {
        "select-household" or "yes-no" or "recommendation" => "string",
        "image" => "binary",
        _ => type,
    };

    private static XElement Label(string id) => new(X + "label", new XAttribute("ref", $"jr:itext('{id}')"));

    private static XElement Item(string value) => new(X + "item", Label("pilihan:" + value), new XElement(X + "value", value));

    private static XElement Control(Question q)
    {
        var reference = new XAttribute("ref", "/data/" + q.Name);
        var label = Label($"/data/{q.Name}:label");
        return q.Type switch
        {
            "select-household" => new XElement(X + "select1", reference, new XAttribute("appearance", "autocomplete"), label,
                new XElement(X + "itemset", new XAttribute("nodeset", "instance('households')/root/item"),
                    new XElement(X + "value", new XAttribute("ref", "name")), new XElement(X + "label", new XAttribute("ref", "label")))),
            "yes-no" => new XElement(X + "select1", reference, label, Item(Yes), Item(No)),
            "recommendation" => new XElement(X + "select1", reference, label, Recommendations.Select(s => Item(s.ToString()))),
            "image" => new XElement(X + "upload", reference, new XAttribute("mediatype", "image/*"), label),
            _ => new XElement(X + "input", reference, label),
        };
    }

    private static XElement Itext(List<Question> questions)
    {
        XElement Translation(string lang, bool isDefault, bool english)
        {
            var translation = new XElement(X + "translation", new XAttribute("lang", lang));
            if (isDefault)
            {
                translation.Add(new XAttribute("default", "true()"));
            }

            void Text(string id, string value) => translation.Add(new XElement(X + "text", new XAttribute("id", id), new XElement(X + "value", value)));

            foreach (var q in questions)
            {
                Text($"/data/{q.Name}:label", english ? q.English : q.Indonesian);
                if (q.Constraint is not null)
                {
                    Text($"/data/{q.Name}:constraintMsg", english ? q.ConstraintEn! : q.ConstraintId!);
                }
            }

            Text("pilihan:" + Yes, english ? "Yes" : "Ya");
            Text("pilihan:" + No, english ? "No" : "Tidak");
            foreach (var status in Recommendations)
            {
                Text("pilihan:" + status, english ? status.ToEnglish() : status.ToIndonesian());
            }

            return translation;
        }

        return new XElement(X + "itext",
            Translation("Bahasa Indonesia (id)", isDefault: true, english: false),
            Translation("English (en)", isDefault: false, english: true));
    }
}
