using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Tuntas.Domain.Access;
using Tuntas.Testing;
using Tuntas.Web.Tests.Pages;

namespace Tuntas.Web.Tests.Access;

public partial class TwoFactorTests
{
    [Theory, DatabaseData]
    public async Task Verifier_TurnsOnAnAuthenticator_ThenSignInAsksForTheCode(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("dinsos.totp", Role.Verifier, "64.74");
        var first = PageSession.Open(app);
        Assert.Equal(HttpStatusCode.Found, (await first.LoginAsync("dinsos.totp", TuntasWebFactory.Password)).StatusCode);

        var (status, _) = await first.GetAsync("/akun/2fa");
        Assert.Equal(HttpStatusCode.OK, status);
        var made = await first.Client.PostAsync("/akun/2fa?handler=CreateKey", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await first.AntiforgeryTokenAsync("/akun/2fa"),
        }));
        var html = await made.Content.ReadAsStringAsync();
        var key = SharedKey().Match(html).Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Contains($"otpauth://totp/Tuntas:dinsos.totp?secret={key.ToUpperInvariant()}", html, StringComparison.Ordinal);
        var wrong = await PostAsync(first, "/akun/2fa", "/akun/2fa?handler=Enable", "000000" == Totp(key) ? "111111" : "000000");
        Assert.Contains("Kode salah", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var enabled = await PostAsync(first, "/akun/2fa", "/akun/2fa?handler=Enable", Totp(key));
        Assert.Contains("Verifikasi dua langkah sudah menyala", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var second = PageSession.Open(app);
        var password = await second.LoginAsync("dinsos.totp", TuntasWebFactory.Password);
        Assert.Equal(HttpStatusCode.Found, password.StatusCode);
        Assert.StartsWith("/masuk/2fa", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Found, (await second.Client.GetAsync("/keluarga")).StatusCode);
        var badCode = await PostAsync(second, "/masuk/2fa", "/masuk/2fa", "12345");
        Assert.Contains("Kode salah", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = await PostAsync(second, "/masuk/2fa", "/masuk/2fa", Totp(key));
        Assert.Equal(HttpStatusCode.Found, code.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.Client.GetAsync("/keluarga")).StatusCode);
    }

    [Theory, DatabaseData]
    public async Task OtherRoles_DoNotHaveThePage(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider, withFamilies: false);
        await app.CreateUserAndTokenAsync("op.totp", Role.Operator, "64.74.01.1001");
        var session = PageSession.Open(app);
        await session.LoginAsync("op.totp", TuntasWebFactory.Password);

        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync("/akun/2fa")).Status);
    }

    private static async Task<HttpResponseMessage> PostAsync(PageSession session, string page, string path, string code) =>
        await session.Client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["code"] = code,
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = await session.AntiforgeryTokenAsync(page),
        }));

    /// <summary>RFC 6238: HMAC-SHA1 over the 30-second step count, dynamic truncation, six digits.</summary>
    private static string Totp(string base32Key)
    {
        var key = Base32(base32Key);
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().TrimEnd('='))
        {
            value = (value << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((value >> (bits - 8)) & 0xFF));
                bits -= 8;
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex("<code id=\"shared-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex SharedKey();
}
