using Tuntas.Domain.Import;

namespace Tuntas.Data.Import.Reading;

/// <summary>
/// The columns one kind of import file has: how a header names a column, and which columns must be
/// there. A required entry lists alternatives: any one of them is enough (a recipient list needs
/// <c>nik</c> or <c>no_kk</c>). Columns are numbered by their enum value.
/// </summary>
public sealed class ColumnSchema(string kind, Func<string, int?> match, Func<int, string> name, IReadOnlyList<int[]> required)
{
    /// <summary>The household list of contracts §3.</summary>
    public static readonly ColumnSchema Households = new(
        "household list",
        header => ImportColumns.Match(header) is { } c ? (int)c : null,
        c => ((ImportColumn)c).Name(),
        ImportColumns.Required.Select(c => new[] { (int)c }).ToList());

    /// <summary>What the file is, in the messages: "household list", "recipient list".</summary>
    public string Kind { get; } = kind;

    public int? Match(string header) => match(header);

    public string Name(int column) => name(column);

    /// <summary>Whether a row of header cells names every required column.</summary>
    public bool IsHeader(IEnumerable<string> cells)
    {
        var found = cells.Select(Match).OfType<int>().ToHashSet();
        return required.All(alternatives => alternatives.Any(found.Contains));
    }

    /// <summary>Where each recognised column sits; an <see cref="ImportFileException"/> when a required one is missing or a column is named twice.</summary>
    public Dictionary<int, int> Map(IReadOnlyList<string> headers)
    {
        var columns = new Dictionary<int, int>();
        for (var i = 0; i < headers.Count; i++)
        {
            if (Match(headers[i]) is not { } column)
            {
                continue;
            }

            if (columns.TryGetValue(column, out var earlier))
            {
                throw new ImportFileException($"Columns '{headers[earlier]}' and '{headers[i]}' both mean {Name(column)}; keep one of them.");
            }

            columns[column] = i;
        }

        var missing = required.Where(alternatives => !alternatives.Any(columns.ContainsKey))
            .Select(alternatives => string.Join(" or ", alternatives.Select(Name)))
            .ToList();
        if (missing.Count > 0)
        {
            throw new ImportFileException(
                $"The file has no column for {string.Join(", ", missing)}. " +
                $"Its header row reads: {string.Join(" | ", headers)}. See docs/import-format.md for the accepted column names.");
        }

        return columns;
    }
}
