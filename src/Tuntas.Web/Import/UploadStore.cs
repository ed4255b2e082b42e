using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Tuntas.Web.Import;

/// <summary>
/// Uploaded import files, kept outside the web root under random names, one folder per user, so
/// that only the person who uploaded a file can confirm it or download its rejected rows. They are
/// temporary: an uploaded file is deleted once its import is done (confirmed, or run for a recipient
/// list), and everything left (unconfirmed uploads, rejected-rows files) is deleted after
/// <c>Tuntas:Uploads:RetentionHours</c> (default 24) by <see cref="UploadCleanup"/>.
/// </summary>
public sealed partial class UploadStore(IConfiguration configuration, TimeProvider clock)
{
    /// <summary>Largest file the server can be set to accept: a province-scale P3KE export fits.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>Largest request body accepted (<c>Tuntas:Uploads:MaxMegabytes</c>, at most and by default 512).</summary>
    public long LimitBytes { get; } =
        Math.Min(MaxBytes, (long.TryParse(configuration["Tuntas:Uploads:MaxMegabytes"], out var mb) && mb > 0 ? mb : MaxBytes / (1024 * 1024)) * 1024 * 1024);

    /// <summary>How long an upload and its rejected rows are kept (<c>Tuntas:Uploads:RetentionHours</c>, default 24).</summary>
    public TimeSpan Retention { get; } =
        TimeSpan.FromHours(double.TryParse(configuration["Tuntas:Uploads:RetentionHours"], System.Globalization.CultureInfo.InvariantCulture, out var hours) && hours > 0 ? hours : 24);

    private string Root => Path.GetFullPath(configuration["Tuntas:Uploads"] ?? Path.Combine("data", "uploads"));

    /// <summary>Saves an upload; returns its id, or the reason it was refused.</summary>
    public async Task<(string? Id, string? Error)> SaveAsync(string userId, IFormFile file, CancellationToken ct)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx" or ".xlsm"))
        {
            return (null, "UploadType");
        }

        if (file.Length == 0 || file.Length > LimitBytes)
        {
            return (null, "UploadSize");
        }

        // Check the content, not only the name: an .xlsx (or OpenSID's .xlsm) is a zip archive, a .csv is text.
        await using (var head = file.OpenReadStream())
        {
            var bytes = new byte[4];
            var read = await head.ReadAtLeastAsync(bytes, 4, throwOnEndOfStream: false, ct);
            var isZip = read >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;
            if ((extension is ".xlsx" or ".xlsm") != isZip || (extension == ".csv" && bytes.Take(read).Any(b => b == 0)))
            {
                return (null, "UploadContent");
            }
        }

        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = FolderOf(userId);
        Directory.CreateDirectory(folder);
        await using var target = File.Create(Path.Combine(folder, id + extension));
        await file.CopyToAsync(target, ct);
        return (id, null);
    }

    /// <summary>The stored file of an upload of this user, or null (also for an id of someone else's upload).</summary>
    public string? Find(string userId, string? id)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            return null;
        }

        var folder = FolderOf(userId);
        return new[] { ".csv", ".xlsx", ".xlsm" }.Select(e => Path.Combine(folder, id + e)).FirstOrDefault(File.Exists);
    }

    public static string ErrorsPathOf(string upload) => upload + ".errors.csv";

    /// <summary>The rejected-rows file of an upload of this user (kept after the upload itself is deleted), or null.</summary>
    public string? FindErrors(string userId, string? id)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            return null;
        }

        var folder = FolderOf(userId);
        return new[] { ".csv", ".xlsx", ".xlsm" }.Select(e => ErrorsPathOf(Path.Combine(folder, id + e))).FirstOrDefault(File.Exists);
    }

    /// <summary>Deletes an uploaded file once its import is done; its rejected rows stay until the retention period ends.</summary>
    public static void DeleteUpload(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Still open elsewhere: the retention cleanup removes it later.
        }
    }

    /// <summary>
    /// Deletes every stored file older than the retention period, in the folders under the uploads
    /// folder at any depth (the parts of Collect submissions that never finished lie two deep, under
    /// <c>odk-parts</c>), and the folders left empty; returns how many files were deleted.
    /// </summary>
    public int DeleteExpired()
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        return Directory.EnumerateDirectories(Root).ToList().Sum(folder => DeleteExpired(folder, cutoff));
    }

    private static int DeleteExpired(string folder, DateTime cutoff)
    {
        var deleted = Directory.EnumerateDirectories(folder).ToList().Sum(inner => DeleteExpired(inner, cutoff));
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            catch (IOException)
            {
                // In use by a running import: tried again at the next round.
            }
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            try
            {
                Directory.Delete(folder);
            }
            catch (IOException)
            {
                // A new upload arrived meanwhile.
            }
        }

        return deleted;
    }

    private string FolderOf(string userId) =>
        Path.Combine(Root, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16]);

    [GeneratedRegex("^[a-f0-9]{32}$")]
    private static partial Regex IdPattern();
}
