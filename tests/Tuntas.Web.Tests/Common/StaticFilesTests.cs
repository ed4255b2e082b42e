using System.Net;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Common;

/// <summary>The files of wwwroot on a slow connection: compressed, and cached by versioned address.</summary>
public class StaticFilesTests
{
    [Fact]
    public async Task StaticFiles_AreCompressed_VersionedOnesCachedForAYear_OthersRevalidated()
    {
        await using var app = await TuntasWebFactory.CreateAsync(TestProvider.Sqlite);
        var client = app.CreateClient();
        using var css = new HttpRequestMessage(HttpMethod.Get, "/css/site.css?v=abc");
        css.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var cssAnswer = await client.SendAsync(css);
        Assert.Equal("br", Assert.Single(cssAnswer.Content.Headers.ContentEncoding));
        Assert.Equal("public, max-age=31536000, immutable", cssAnswer.Headers.CacheControl?.ToString());

        // An address without a version (as the service worker's) is checked again on each use.
        var plain = await client.GetAsync("/js/site.js");
        Assert.Equal(HttpStatusCode.OK, plain.StatusCode);
        Assert.True(plain.Headers.CacheControl?.NoCache);

        // Pages are never compressed: they carry antiforgery tokens beside what the visitor typed.
        using var page = new HttpRequestMessage(HttpMethod.Get, "/masuk");
        page.Headers.AcceptEncoding.ParseAdd("br, gzip");
        Assert.Empty((await client.SendAsync(page)).Content.Headers.ContentEncoding);
    }
}
