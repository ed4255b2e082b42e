using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Data.Database;
using Tuntas.Domain.Regions;

namespace Tuntas.Data;

/// <summary>The one registration of Tuntas' services, used by the web host, the command line and the tests.</summary>
public static class TuntasServices
{
    /// <summary>
    /// Registers the database, the clock, user storage, the queries and every use case
    /// (<see cref="IUseCase"/>) over <paramref name="database"/>. A clock registered before
    /// (a test's fixed <see cref="TimeProvider"/>) is kept.
    /// </summary>
    public static IServiceCollection AddTuntas(this IServiceCollection services, DatabaseUri database)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new RegionClock(sp.GetRequiredService<TimeProvider>()));
        services.AddTuntasDatabase(database);
        services.AddTuntasIdentityCore();
        services.TryAddSingleton(Interventions.InterventionOptions.FromEnvironment());
        services.TryAddSingleton(Verification.VisitMarkSettingsSource.FromEnvironment());

        services.AddScoped<UnitOfWork>();
        services.AddScoped<Audit.AuditTrail>();
        services.AddScoped<Audit.AuditQueries>();
        services.AddScoped<UserAccounts>();
        services.AddScoped<ApiTokens>();
        services.AddScoped<PersonalDataLog>();
        services.AddScoped<Registry.RegisterQueries>();
        services.AddScoped<Regions.RegionQueries>();
        services.AddScoped<Verification.ClassificationService>();
        services.AddScoped<Verification.VervalService>();
        services.AddScoped<Verification.VervalQueries>();
        services.AddScoped<Verification.VisitMarkQueries>();
        services.AddScoped<Monitoring.HeadlineQuery>();
        services.AddScoped<Monitoring.PublicFiguresQuery>();
        services.AddScoped<Monitoring.DashboardQuery>();
        services.AddScoped<Monitoring.FiguresCheck>();
        services.AddScoped<Monitoring.PopulationImporter>();
        services.AddScoped<Interventions.GapsQuery>();
        services.AddScoped<Interventions.RecipientListImporter>();
        services.AddScoped<Interventions.DeliveryService>();
        services.AddScoped<Interventions.InterventionQueries>();
        services.AddScoped<Interventions.CatalogueQueries>();
        services.AddScoped<Verification.PovertyLineQueries>();
        services.AddScoped<ClaimAudit.AnomalyQuery>();
        services.AddScoped<ClaimAudit.ClaimAuditService>();
        services.AddScoped<ClaimAudit.ClaimAuditQueries>();
        services.AddScoped<Reports.ReportBuilder>();
        services.AddScoped<Reports.ReportPackages>();
        services.AddScoped<Reports.ProvinceConsolidation>();
        services.AddScoped<Import.HouseholdImporter>();
        services.AddScoped<Import.QuarantineQueries>();
        services.AddScoped<Desil.DesilQueries>();
        services.AddScoped<Demo.DemoLoader>();
        services.AddScoped<OpenSid.OpenSidExports>();
        services.AddScoped<UpdateCycles.UpdateCycleQueries>();
        services.AddScoped<UpdateCycles.CycleExport>();

        // Every use case, found by its marker: a new one needs no line here.
        foreach (var type in typeof(TuntasServices).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IUseCase).IsAssignableFrom(t)))
        {
            services.TryAddScoped(type);
        }

        return services;
    }
}
