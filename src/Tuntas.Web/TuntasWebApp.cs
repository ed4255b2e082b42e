using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Data.Database;
using Tuntas.Web.Access;
using Tuntas.Web.ClaimAudit;
using Tuntas.Web.Common;
using Tuntas.Web.Import;
using Tuntas.Web.Interventions;
using Tuntas.Web.Localization;
using Tuntas.Web.Monitoring;
using Tuntas.Web.Public;
using Tuntas.Web.Regions;
using Tuntas.Web.Registry;
using Tuntas.Web.Verification;
using Tuntas.Web.Verification.Odk;

namespace Tuntas.Web;

/// <summary>Builds the Tuntas web app; used by <c>tuntas serve</c>, by Program.cs and by the tests.</summary>
public static class TuntasWebApp
{
    /// <summary>Configuration key naming the database URI (tests set it; the CLI passes it directly).</summary>
    public const string DatabaseSetting = "Tuntas:Database";

    public const string DefaultUrls = "http://127.0.0.1:5080";

    private const string SelectorScheme = "Tuntas";

    /// <summary>Builds the app.</summary>
    /// <param name="args">Command-line arguments for the host (configuration overrides).</param>
    /// <param name="database">The database; null reads <c>Tuntas:Database</c>, then <c>TUNTAS_DB</c>, then the default.</param>
    /// <param name="hostedByCli">True when run by the <c>tuntas</c> command, whose output folder holds the web files.</param>
    public static WebApplication Build(string[] args, DatabaseUri? database, bool hostedByCli = false)
    {
        // The versioned links of the layout (asp-append-version) watch the web root for changes; a
        // polling watcher costs no inotify instance (Linux allows 128 per user by default, and the
        // tests start many apps in one process).
        Environment.SetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER", "true");
        var options = new WebApplicationOptions
        {
            // Settings are read once at start-up: no file watcher per configuration file (a watcher
            // costs an inotify instance, of which Linux allows 128 per user by default).
            Args = [.. args, "--hostBuilder:reloadConfigOnChange=false"],
            ApplicationName = typeof(TuntasWebApp).Assembly.GetName().Name,
            ContentRootPath = hostedByCli ? AppContext.BaseDirectory : null,
            WebRootPath = hostedByCli ? Path.Combine(AppContext.BaseDirectory, "wwwroot") : null,
        };
        var builder = WebApplication.CreateBuilder(options);
        // No personal data in the logs: the framework's own request lines (raw paths with a NIK or a
        // No. KK in them) and EF Core's SQL commands only from Warning; RequestHygiene writes one line
        // per request with the route template instead. Logging:LogLevel settings may lower them again.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        database ??= DatabaseUri.FromOptionOrEnvironment(builder.Configuration[DatabaseSetting]);
        // Read at start-up, so that a mistyped list stops the server instead of being ignored.
        var proxies = TrustedProxies.Parse(builder.Configuration[TrustedProxies.Setting]);
        ConfigureServices(builder.Services, database);
        // The reviewer's mark thresholds, from the settings (Tuntas:VisitMarks:*, or the environment as Tuntas__VisitMarks__*).
        builder.Services.AddSingleton(Tuntas.Data.Verification.VisitMarkSettingsSource.From(
            builder.Configuration["Tuntas:VisitMarks:MinimumFillSeconds"], builder.Configuration["Tuntas:VisitMarks:FarFromVillageKm"]));
        builder.Services.Configure<ForwardedHeadersOptions>(o => TrustedProxies.Configure(o, proxies));
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    private static void ConfigureServices(IServiceCollection services, DatabaseUri database)
    {
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new RegionCodeJson()));
        services.AddTuntas(database);
        services.AddSingleton<UploadStore>();
        services.AddHostedService<UploadCleanup>();
        services.AddSingleton<EvidenceStore>();

        // The keys live in the database, encrypted with a key kept outside it (KeyEncryptionKey).
        services.AddSingleton(sp => KeyEncryptionKey.From(sp.GetRequiredService<IConfiguration>()));
        services.AddDataProtection().SetApplicationName("Tuntas").PersistKeysToDbContext<TuntasDbContext>();
        services.AddOptions<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>()
            .Configure<KeyEncryptionKey>((o, key) => o.XmlEncryptor = new KeyFileXmlEncryptor(key));
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        // User storage is registered by AddTuntas; the web adds sign-in on top of it.
        new IdentityBuilder(typeof(TuntasUser), services)
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TuntasClaimsFactory>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "Cookie or API token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/masuk";
            o.LogoutPath = "/keluar";
            o.AccessDeniedPath = "/masuk";
            o.Cookie.Name = "tuntas.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            // Secure whenever the request came over HTTPS (directly or through a trusted proxy's X-Forwarded-Proto).
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
        });
        services.AddEndpointAccess();

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        // Import files may be large; the import page sets its own limit (UploadStore.MaxBytes).
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.Limits.MaxRequestBodySize = UploadStore.MaxBytes);
        services.AddRazorPages(o => o.Conventions.ConfigureFilter(new TypeFilterAttribute(typeof(PageInputFilter)))).AddViewLocalization();
        // Numbers and dates in forms and query strings are read the same way in every language.
        services.ConfigureOptions<InvariantBindingSetup>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            var supported = new[] { new CultureInfo(UiCulture.Indonesian), new CultureInfo(UiCulture.English) };
            o.DefaultRequestCulture = new RequestCulture(UiCulture.Indonesian);
            o.SupportedCultures = supported;
            o.SupportedUICultures = supported;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddAbuseLimits();
        services.AddAccountProtection();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddHealthChecks();
        services.AddStaticFileCompression();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        // First, so that everything after it (the public form's limit, the cookies) sees the client.
        app.UseForwardedHeaders();
        app.UseRequestHygiene();
        app.UseOpenRosaHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Sent on HTTPS only (as the trusted proxy reported it), never on plain HTTP.
            app.UseHsts();
        }

        app.UseExceptionHandler();
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        app.UseTuntasStaticFiles();
        app.UseRouting();
        app.UseRequestLocalization();
        app.UseUploadLimit();
        app.UseRateLimiter();
        app.UseBadTokenLimit();
        app.UseAuthentication();
        app.UseAuthorization();

        // Every view of a name, NIK or No. KK is recorded here, as the endpoint table declares.
        app.UsePersonalDataLog();

        // Every endpoint is mapped through this group, so that each gets its access rule (EndpointAccess).
        var all = app.MapGroup(string.Empty);
        ((IEndpointConventionBuilder)all).Add(EndpointAccess.Apply);
        all.MapOpenApi();
        all.MapHealthEndpoint();
        all.MapLanguageEndpoint();
        all.MapImportTemplates();
        var api = all.MapGroup("/api/v1").RequireAuthorization();
        api.MapRegionsApi();
        api.MapHouseholdsApi();
        api.MapStatsApi();
        api.MapDashboardApi();
        api.MapGapsApi();
        api.MapAnomaliesApi();
        api.MapPublicStatsApi();
        all.MapEvidenceEndpoints();
        all.MapOdkEndpoints();
        all.MapOpenSidEndpoints();
        all.MapRazorPages();
    }
}
