using System.Globalization;
using System.Text;
using System.Text.Json;
using Tuntas.Domain.Common;

namespace Tuntas.Domain.Import;

/// <summary>
/// The reasons of an import row (why it was refused, or what it was warned about) kept apart from
/// their words: typed <see cref="DomainError"/>s with their facts, stored as a short JSON array
/// (<c>[{"c":"Import.NameEmpty","a":[...]}]</c>) so that the staging table and the quarantine hold
/// no language. The edges give them words with <see cref="Text(string?, CultureInfo)"/>: the page
/// in the reader's language, the command line by <c>--lang</c>, the errors file in the chosen one.
/// </summary>
public static class ImportReasons
{
    /// <summary>The code of a reason written out in words before reasons were typed (older quarantine rows).</summary>
    public const string WrittenOut = "Import.WrittenOut";

    /// <summary>The stored form of <paramref name="reasons"/>; null when there are none.</summary>
    public static string? Encode(IReadOnlyCollection<DomainError> reasons)
    {
        if (reasons.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var reason in reasons)
            {
                Write(json, reason);
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// The reasons of a stored text. A text that is not in the stored form (a reason written out
    /// before reasons were typed) comes back as one reason that shows it as it is.
    /// </summary>
    public static IReadOnlyList<DomainError> Decode(string? stored)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return [];
        }

        if (!stored.StartsWith("[{", StringComparison.Ordinal))
        {
            return [new DomainError(WrittenOut, stored)];
        }

        try
        {
            using var document = JsonDocument.Parse(stored);
            return [.. document.RootElement.EnumerateArray().Select(Read)];
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
        {
            return [new DomainError(WrittenOut, stored)];
        }
    }

    /// <summary>The words of the stored reasons in <paramref name="language"/>, one after the other.</summary>
    public static string Text(string? stored, CultureInfo language) => Text(Decode(stored), language);

    /// <summary>The words of <paramref name="reasons"/> in <paramref name="language"/>, one after the other.</summary>
    public static string Text(IEnumerable<DomainError> reasons, CultureInfo language) =>
        string.Join(" ", reasons.Select(r => Words(r, language)));

    /// <summary>The words of one reason; a code without words (stored by a newer version) is shown as it is.</summary>
    private static string Words(DomainError reason, CultureInfo language) =>
        ErrorWords.Find(reason.Key, language) is null
            ? reason.Code + (reason.Args.Length == 0 ? string.Empty : " " + string.Join(", ", reason.Args))
            : ErrorWords.Text(reason, language);

    private static void Write(Utf8JsonWriter json, DomainError reason)
    {
        json.WriteStartObject();
        json.WriteString("c", reason.Code);
        json.WriteStartArray("a");
        foreach (var argument in reason.Args)
        {
            switch (argument)
            {
                case int or long:
                    json.WriteNumberValue(Convert.ToInt64(argument, CultureInfo.InvariantCulture));
                    break;
                case DateOnly day:
                    json.WriteStartObject();
                    json.WriteString("d", day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    json.WriteEndObject();
                    break;
                case DomainError inner:
                    json.WriteStartObject();
                    json.WritePropertyName("e");
                    Write(json, inner);
                    json.WriteEndObject();
                    break;
                default:
                    json.WriteStringValue(Convert.ToString(argument, CultureInfo.InvariantCulture));
                    break;
            }
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static DomainError Read(JsonElement element)
    {
        var arguments = element.GetProperty("a").EnumerateArray().Select(a => a.ValueKind switch
        {
            JsonValueKind.Number => (object)a.GetInt64(),
            JsonValueKind.Object when a.TryGetProperty("d", out var day) =>
                DateOnly.ParseExact(day.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture),
            JsonValueKind.Object => Read(a.GetProperty("e")),
            _ => a.GetString() ?? string.Empty,
        });
        return new DomainError(element.GetProperty("c").GetString()!, [.. arguments]);
    }
}
