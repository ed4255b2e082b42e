using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Tuntas.Data.Verification;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;

namespace Tuntas.Web.Verification;

/// <summary>
/// Photos and documents of visits, meetings and proposals, kept outside the web root under random
/// names. A file is accepted by its content (JPEG, PNG, WebP or PDF), never by its name. Files are
/// kept in a folder per year of the clock (the system clock when none is given).
/// </summary>
public sealed partial class EvidenceStore(IConfiguration configuration, RegionClock? clock = null)
{
    /// <summary>Largest evidence file: a phone photo compressed in the browser is far below it.</summary>
    public const long MaxBytes = 10L * 1024 * 1024;

    /// <summary>At most this many files on one visit.</summary>
    public const int MaxFiles = 5;

    private string Root => Path.GetFullPath(configuration["Tuntas:Evidence"] ?? Path.Combine("data", "evidence"));

    /// <summary>Stores a file; returns what to attach, or a resource key naming why it was refused.</summary>
    /// <summary>
    /// An optional upload of a form: nothing when none was sent; otherwise the stored file, or the
    /// words (in the page's language) saying why it was refused.
    /// </summary>
    public async Task<(EvidenceFile? File, string? Refusal)> SaveOptionalAsync(IFormFile? upload, Microsoft.Extensions.Localization.IStringLocalizer text, CancellationToken ct)
    {
        if (upload is not { Length: > 0 })
        {
            return (null, null);
        }

        var (saved, problem) = await SaveAsync(upload, ct);
        return saved is null ? (null, text[problem!, upload.FileName]) : (saved, null);
    }

    public async Task<(EvidenceFile? File, string? Error)> SaveAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0 || file.Length > MaxBytes)
        {
            return (null, "EvidenceSize");
        }

        await using var input = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await input.CopyToAsync(buffer, ct);
        return await SaveAsync(buffer.ToArray(), file.FileName, ct);
    }

    /// <summary>Stores a file already read (a part of an ODK submission), on the same terms as an upload.</summary>
    public async Task<(EvidenceFile? File, string? Error)> SaveAsync(byte[] bytes, string? fileName, CancellationToken ct)
    {
        if (bytes.Length == 0 || bytes.Length > MaxBytes)
        {
            return (null, "EvidenceSize");
        }

        var (contentType, extension, kind) = Sniff(bytes);
        if (contentType is null)
        {
            return (null, "EvidenceType");
        }

        var key = $"{(clock ?? RegionClock.System).UtcNow:yyyy}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}{extension}";
        var path = Path.Combine(Root, key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes, ct);
        var name = DisplayName(fileName, extension);
        return (new EvidenceFile(kind, name, contentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)), key), null);
    }

    /// <summary>
    /// The name the file is shown and downloaded under: only the last part of what the browser sent
    /// (either slash), without control or text-direction characters (<c>photo\u202Egpj.exe</c> would
    /// read as <c>photoexe.jpg</c>), at most 200 characters. The name never reaches the file system.
    /// </summary>
    public static string DisplayName(string? sent, string extension)
    {
        var name = (sent ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        name = string.Concat(name.EnumerateRunes().Select(r => r.ToString()).Where(r => UnsafeText.Find(r) is null)).Trim();
        if (name.Trim('.').Length == 0)
        {
            return "bukti" + extension;
        }

        return name.Length > 200 ? name[..200] : name;
    }

    /// <summary>The stored file of a key, or null when the key is malformed or the file is gone.</summary>
    public string? Find(string? key)
    {
        if (key is null || !KeyPattern().IsMatch(key))
        {
            return null;
        }

        var path = Path.Combine(Root, key);
        return File.Exists(path) ? path : null;
    }

    /// <summary>Removes stored files that no saved record refers to (a submission that was refused).</summary>
    public void Delete(IEnumerable<EvidenceFile> files)
    {
        foreach (var path in files.Select(f => Find(f.StorageKey)).OfType<string>())
        {
            File.Delete(path);
        }
    }

    private static (string? ContentType, string Extension, EvidenceKind Kind) Sniff(byte[] b)
    {
        if (b.Length > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF)
        {
            return ("image/jpeg", ".jpg", EvidenceKind.Photo);
        }

        if (b.Length > 8 && b[0] == 0x89 && b[1] == 0x50 && b[2] == 0x4E && b[3] == 0x47)
        {
            return ("image/png", ".png", EvidenceKind.Photo);
        }

        if (b.Length > 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P')
        {
            return ("image/webp", ".webp", EvidenceKind.Photo);
        }

        if (b.Length > 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-')
        {
            return ("application/pdf", ".pdf", EvidenceKind.Document);
        }

        return (null, "", EvidenceKind.Photo);
    }

    [GeneratedRegex("^[0-9]{4}/[a-f0-9]{32}\\.(jpg|png|webp|pdf)$")]
    private static partial Regex KeyPattern();
}
