using System.Globalization;
using System.Numerics;
using System.Xml;
using System.Xml.Linq;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Web.Verification.Odk;

/// <summary>
/// A filled visit form as Collect (or another OpenRosa client) sends it, read by element names
/// whatever their namespace: some clients write the form's default namespace on every element, some
/// none, and <c>meta</c> comes with or without the <c>orx:</c> prefix.
/// </summary>
public sealed record VisitInstance(string InstanceId, string NoKk, long? TaskId, VisitReport Report, IReadOnlyList<string> Photos, DateTime? FinishedAt = null)
{
    /// <summary>
    /// The report as received at <paramref name="receivedAtUtc"/>. A form is often finished offline and
    /// sent hours later, and a phone's clock may be off; so when Collect recorded both when the form was
    /// opened (<c>start</c>) and when it was finished (<c>end</c>), the opening is placed that long before
    /// the post, and the time between opening and sending is the time the form was open on the phone.
    /// With only <c>start</c>, it is taken as it is.
    /// </summary>
    public VisitReport ReportReceivedAt(DateTime receivedAtUtc) =>
        Report.FormOpenedAt is { } start && FinishedAt is { } end && end >= start
            ? Report with { FormOpenedAt = receivedAtUtc - (end - start) }
            : Report;

    /// <summary>An XForms dateTime with its offset (as Collect writes it), in UTC; null when missing, without an offset or unreadable.</summary>
    internal static DateTime? Moment(string? value) =>
        value is { Length: >= 20 } v && (v.EndsWith('Z') || v[^6] is '+' or '-')
            && DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment)
            ? moment.UtcDateTime
            : null;

    /// <summary>Why an instance could not be read: a resource key and its arguments.</summary>
    public sealed record Refusal(string Key, params object[] Arguments);

    /// <summary>Reads the instance, or says why it cannot be read. No DTD, no external entities.</summary>
    public static (VisitInstance? Instance, Refusal? Refusal) Parse(byte[] xml)
    {
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4_000_000 };
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException)
        {
            return (null, new Refusal("OdkXmlInvalid"));
        }

        var root = document.Root!;
        var formId = root.Attribute("id")?.Value;
        if (formId != VisitXForm.FormId)
        {
            return (null, new Refusal("OdkWrongForm", formId ?? "-"));
        }

        string? Value(string name) => root.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value.Trim() is { Length: > 0 } v ? v : null;

        var instanceId = root.Elements().FirstOrDefault(e => e.Name.LocalName == "meta")?.Elements().FirstOrDefault(e => e.Name.LocalName == "instanceID")?.Value.Trim();
        if (string.IsNullOrEmpty(instanceId) || instanceId.Length > 100)
        {
            return (null, new Refusal("OdkInstanceIdMissing"));
        }

        if (Value("keluarga") is not { } noKk)
        {
            return (null, new Refusal("OdkFieldMissing", "keluarga"));
        }

        if (!DateOnly.TryParseExact(Value("tanggal_kunjungan"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var visitedOn))
        {
            return (null, new Refusal("OdkFieldInvalid", "tanggal_kunjungan", Value("tanggal_kunjungan") ?? "-"));
        }

        var refusal = (Refusal?)null;
        bool YesNo(string name)
        {
            var value = Value(name);
            if (value is null or VisitXForm.No)
            {
                return false;
            }

            if (value == VisitXForm.Yes)
            {
                return true;
            }

            refusal ??= new Refusal("OdkFieldInvalid", name, value);
            return false;
        }

        T? Number<T>(string name)
            where T : struct, INumber<T>
        {
            var value = Value(name);
            if (value is null)
            {
                return null;
            }

            if (T.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            {
                return number;
            }

            refusal ??= new Refusal("OdkFieldInvalid", name, value);
            return null;
        }

        var found = YesNo("ditemukan");
        var indicators = PovertyIndicatorNames.All.Where(i => YesNo(i.ToWire())).Aggregate(PovertyIndicators.None, (a, b) => a | b);
        double? latitude = null, longitude = null, accuracy = null;
        if (Value("lokasi") is { } point)
        {
            var parts = point.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var numbers = parts.Select(p => double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : (double?)null).ToList();
            if (numbers.Count < 2 || numbers.Any(n => n is null))
            {
                refusal ??= new Refusal("OdkFieldInvalid", "lokasi", point);
            }
            else
            {
                (latitude, longitude) = (numbers[0], numbers[1]);
                accuracy = numbers.Count >= 4 ? numbers[3] : null;
            }
        }

        HouseholdStatus? recommendation = null;
        if (Value("rekomendasi") is { } wanted)
        {
            if (VisitXForm.Recommendations.FirstOrDefault(s => string.Equals(s.ToString(), wanted, StringComparison.OrdinalIgnoreCase)) is var status && status != default)
            {
                recommendation = status;
            }
            else
            {
                refusal ??= new Refusal("OdkFieldInvalid", "rekomendasi", wanted);
            }
        }

        var report = new VisitReport
        {
            VisitedOn = visitedOn,
            Found = found,
            MetPerson = Value("yang_ditemui"),
            NoShelter = YesNo("tanpa_tempat_tinggal"),
            Indicators = indicators,
            SpendingPerCapita = Number<long>("pengeluaran_per_kapita"),
            MembersPresent = Number<int>("anggota_ada") ?? 0,
            MembersMoved = Number<int>("anggota_pindah") ?? 0,
            MembersDeceased = Number<int>("anggota_meninggal") ?? 0,
            MembersBorn = Number<int>("anggota_lahir") ?? 0,
            Latitude = latitude,
            Longitude = longitude,
            AccuracyMetres = accuracy,
            Notes = Value("catatan"),
            Recommendation = recommendation,
            MergeIntoNoKk = recommendation == HouseholdStatus.Merged ? Value("gabung_ke_no_kk") : null,
            FormOpenedAt = Moment(Value(VisitXForm.StartField)),
        };
        var taskId = Number<long>("tugas");
        if (refusal is not null)
        {
            return (null, refusal);
        }

        var photos = VisitXForm.PhotoFields.Select(Value).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return (new VisitInstance(instanceId, noKk, taskId, report, photos, Moment(Value(VisitXForm.EndField))), null);
    }
}
