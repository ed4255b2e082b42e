using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Tuntas.Web.Access;

/// <summary>
/// The key-encryption key: 32 random bytes kept outside the database, which encrypt the
/// data-protection keys (cookie and antiforgery keys) before they are stored in the database. Read
/// from <c>Tuntas:KeyEncryptionKey</c> (base64, e.g. from an environment variable
/// <c>Tuntas__KeyEncryptionKey</c>) or from the file <c>Tuntas:KeyFile</c> (default
/// <c>data/keys/key-encryption.key</c>), which is made on first start, readable by its owner only.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string SecretSetting = "Tuntas:KeyEncryptionKey";
    public const string FileSetting = "Tuntas:KeyFile";

    private KeyEncryptionKey(byte[] key) => Key = key;

    internal byte[] Key { get; }

    public static string DefaultFile => Path.Combine("data", "keys", "key-encryption.key");

    public static KeyEncryptionKey From(IConfiguration configuration)
    {
        if (configuration[SecretSetting] is { Length: > 0 } secret)
        {
            return new KeyEncryptionKey(Checked(Convert.FromBase64String(secret.Trim()), SecretSetting));
        }

        var path = Path.GetFullPath(configuration[FileSetting] ?? DefaultFile);
        if (!File.Exists(path))
        {
            Create(path);
        }

        return new KeyEncryptionKey(Checked(Convert.FromBase64String(File.ReadAllText(path).Trim()), path));
    }

    private static byte[] Checked(byte[] key, string source) =>
        key.Length == 32 ? key : throw new InvalidOperationException($"The key-encryption key in {source} must be 32 bytes (44 characters of base64).");

    private static void Create(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Atomic: two servers starting together end up with the same key.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }
    }
}

/// <summary>Encrypts a data-protection key with the key-encryption key (AES-256-GCM) before it is stored.</summary>
internal sealed class KeyFileXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var cipher = new byte[plain.Length];
        using (var aes = new AesGcm(key.Key, tag.Length))
        {
            aes.Encrypt(nonce, plain, cipher, tag);
        }

        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the Tuntas key-encryption key (AES-256-GCM); see docs/security.md. "),
            new XElement("value", Convert.ToBase64String([.. nonce, .. tag, .. cipher])));
        return new EncryptedXmlInfo(element, typeof(KeyFileXmlDecryptor));
    }
}

/// <summary>Decrypts what <see cref="KeyFileXmlEncryptor"/> stored; made by the data-protection system from the stored type name.</summary>
public sealed class KeyFileXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>();
        var bytes = Convert.FromBase64String((string)encryptedElement.Element("value")!);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[bytes.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(key.Key, tagSize))
        {
            aes.Decrypt(bytes.AsSpan(0, nonceSize), bytes.AsSpan(nonceSize + tagSize), bytes.AsSpan(nonceSize, tagSize), plain);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
