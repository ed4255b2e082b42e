using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace Tuntas.Web.Common;

/// <summary>
/// The files of wwwroot, sent small and cached well for slow village connections: Brotli or gzip as
/// the browser accepts, and a year's immutable caching for a versioned address (<c>?v=</c>, which
/// asp-append-version writes from the file's hash, so a changed file gets a new address). An
/// unversioned address (the service worker, the manifest) is revalidated on each use.
/// </summary>
/// <remarks>
/// Compression is limited to these files. Pages carry antiforgery tokens next to text the visitor
/// typed; compressing them over HTTPS would open them to length-based guessing (BREACH). The
/// framework's build-time compressed assets (MapStaticAssets) are not used: their endpoints would sit
/// outside the endpoint access table, and they need the web project's asset manifest beside the
/// command-line host, which serves wwwroot from its own output folder.
/// </remarks>
public static class StaticFiles
{
    /// <summary>The extensions of the files under wwwroot that are worth compressing.</summary>
    private static readonly string[] Compressible = [".css", ".js", ".webmanifest", ".svg", ".json"];

    public static IServiceCollection AddStaticFileCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "application/manifest+json", "image/svg+xml"];
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    /// <summary>Serves wwwroot: compressed and cached as described above.</summary>
    public static IApplicationBuilder UseTuntasStaticFiles(this IApplicationBuilder app)
    {
        app.UseWhen(
            c => Compressible.Any(e => c.Request.Path.Value?.EndsWith(e, StringComparison.OrdinalIgnoreCase) == true),
            files => files.UseResponseCompression());
        var types = new Microsoft.AspNetCore.StaticFiles.FileExtensionContentTypeProvider();
        types.Mappings[".webmanifest"] = "application/manifest+json";
        return app.UseStaticFiles(new StaticFileOptions
        {
            ContentTypeProvider = types,
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = context.Context.Request.Query.ContainsKey("v")
                    ? "public, max-age=31536000, immutable"
                    : "no-cache";
            },
        });
    }
}
