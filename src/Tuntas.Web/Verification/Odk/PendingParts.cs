using System.Security.Cryptography;
using System.Text;

namespace Tuntas.Web.Verification.Odk;

/// <summary>
/// The files of a submission that Collect sends in several posts (all but the last marked
/// <c>*isIncomplete*</c>), kept under the uploads folder until the last post arrives. The folder is
/// named by a hash of the user and the submission's instanceID; the files by the hex of their names,
/// so that no name a phone sends reaches the file system.
/// </summary>
public sealed class PendingParts(IConfiguration configuration, string userId, string instanceId)
{
    private readonly string _folder = Path.Combine(
        Path.GetFullPath(configuration["Tuntas:Uploads"] ?? Path.Combine("data", "uploads")),
        "odk-parts",
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId + "\n" + instanceId))));

    /// <summary>
    /// Keeps the files of one post. Parts whose submission never finishes are deleted with the other
    /// uploads after the retention period (<see cref="Import.UploadStore.DeleteExpired()"/>); should that
    /// cleanup remove the folder while it is being filled, it is made again.
    /// </summary>
    public async Task KeepAsync(IReadOnlyDictionary<string, byte[]> files, CancellationToken ct)
    {
        foreach (var (name, bytes) in files)
        {
            var path = Path.Combine(_folder, Convert.ToHexStringLower(Encoding.UTF8.GetBytes(name)));
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    Directory.CreateDirectory(_folder);
                    await File.WriteAllBytesAsync(path, bytes, ct);
                    break;
                }
                catch (DirectoryNotFoundException) when (attempt < 2)
                {
                }
            }
        }
    }

    /// <summary>The files kept from earlier posts together with those of the last one (the last wins).</summary>
    public async Task<Dictionary<string, byte[]>> TakeAsync(IReadOnlyDictionary<string, byte[]> last, CancellationToken ct)
    {
        var all = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        if (Directory.Exists(_folder))
        {
            foreach (var path in Directory.EnumerateFiles(_folder))
            {
                all[Encoding.UTF8.GetString(Convert.FromHexString(Path.GetFileName(path)))] = await File.ReadAllBytesAsync(path, ct);
            }
        }

        foreach (var (name, bytes) in last)
        {
            all[name] = bytes;
        }

        return all;
    }

    public void Forget()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was kept, or the cleanup was first.
        }
    }
}
