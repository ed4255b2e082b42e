using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Tuntas.Data.Access;
using Tuntas.Data.Audit;
using Tuntas.Data.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Domain.Verification;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Verification;

/// <summary>
/// The services over a test database as the web app and the command line build them, at a fixed
/// time, and the steps the verval tests share: list a household, visit it and approve the visit.
/// </summary>
internal static class VervalKit
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 3, 0, 0, TimeSpan.Zero);

    /// <summary>Today in WITA at <see cref="Now"/>.</summary>
    public static readonly DateOnly Today = new(2026, 11, 22);

    public const string Reviewer = "dinsos.bontang";
    public const string Visitor = "pendamping.bontangutara";
    public const string Operator = "operator.bontangkuala";
    public const string BontangKuala = "64.74.01.1001";
    public const string BontangBaru = "64.74.01.1002";

    public static ServiceProvider Services(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddTuntas(database.Uri);
        return services.BuildServiceProvider();
    }

    /// <summary>A scope: one DbContext and the services over it, like one web request.</summary>
    public sealed class Unit(AsyncServiceScope scope) : IAsyncDisposable
    {
        public TuntasDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<TuntasDbContext>();

        public AuditTrail Audit { get; } = scope.ServiceProvider.GetRequiredService<AuditTrail>();

        public VervalService Verval { get; } = scope.ServiceProvider.GetRequiredService<VervalService>();

        public ClassificationService Classification { get; } = scope.ServiceProvider.GetRequiredService<ClassificationService>();

        /// <summary>The services' clock: visits are entered on the day they are made, as the rules require.</summary>
        public FakeTimeProvider Clock { get; } = (FakeTimeProvider)scope.ServiceProvider.GetRequiredService<TimeProvider>();

        /// <summary>Another service of the same scope.</summary>
        public T Scope<T>()
            where T : notnull => scope.ServiceProvider.GetRequiredService<T>();

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }

    public static Unit Open(ServiceProvider services) => new(services.CreateAsyncScope());

    /// <summary>Runs <paramref name="work"/> as one committed, audited unit of work in its own scope.</summary>
    public static async Task RunAsync(ServiceProvider services, Func<Unit, Task> work)
    {
        await using var unit = Open(services);
        await unit.Audit.BeginAsync();
        await work(unit);
        await unit.Audit.CommitAsync();
    }

    /// <summary>A family of one, number <paramref name="n"/> (1 to 999), registered in a village.</summary>
    public static Household Family(int n, string village = BontangKuala, long? spending = null)
    {
        var household = Families.Family($"6474010101{n:000000}", village, ($"6474011708{n:000000}", $"Kepala Keluarga {n}", FamilyRelation.KepalaKeluarga));
        household.SetSpendingPerCapita(spending);
        return household;
    }

    /// <summary>Saves families and the operator of Kelurahan Bontang Kuala.</summary>
    public static async Task SaveAsync(ServiceProvider services, params Household[] households)
    {
        await using var unit = Open(services);
        unit.Db.Households.AddRange(households);
        unit.Db.Users.Add(new TuntasUser
        {
            UserName = Operator,
            NormalizedUserName = Operator.ToUpperInvariant(),
            Role = Role.Operator,
            RegionCode = RegionCode.From(BontangKuala),
            CreatedAt = Now.UtcDateTime,
        });
        await unit.Db.SaveChangesAsync();
    }

    public static EvidenceFile Photo(string name) =>
        new(EvidenceKind.Photo, name + ".jpg", "image/jpeg", 2048, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(name))), null);

    /// <summary>Lists a registered household as classification does, effective on <paramref name="on"/>.</summary>
    public static void List(Unit unit, Household household, DateOnly on) =>
        StatusChanges.Apply(household, new StatusChange(HouseholdStatus.Listed, on, StatusChanges.SystemClassification, "Memenuhi kriteria.", "classification"),
            unit.Audit, Today, Now.UtcDateTime);

    /// <summary>A visit task, and a visit with a photo submitted for it; not yet reviewed.</summary>
    public static async Task<Visit> SubmitAsync(Unit unit, Household household, DateOnly visitedOn, HouseholdStatus? recommend, long spending = 250_000, VisitPurpose purpose = VisitPurpose.Verification,
        (double Latitude, double Longitude)? position = null, string? photo = null, DateTime? formOpenedAt = null)
    {
        unit.Clock.AdjustTime(new DateTimeOffset(visitedOn.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));
        var task = await unit.Verval.CreateTaskAsync(household, purpose, visitedOn.AddDays(14), Reviewer, unit.Audit);
        var report = new VisitReport
        {
            VisitedOn = visitedOn,
            Found = true,
            MetPerson = "Kepala keluarga",
            SpendingPerCapita = spending,
            Indicators = PovertyIndicators.EarthOrPlasterFloor | PovertyIndicators.NoOwnToilet,
            Recommendation = recommend,
            Latitude = position?.Latitude,
            Longitude = position?.Longitude,
            FormOpenedAt = formOpenedAt,
        };
        try
        {
            return unit.Verval.SubmitVisit(task, household, report, [Photo(photo ?? $"rumah-{household.NoKk.Value}-{visitedOn:yyyyMMdd}")], Visitor, unit.Audit);
        }
        finally
        {
            unit.Clock.AdjustTime(Now);
        }
    }

    /// <summary>Visits a household and approves the visit, which moves it to <paramref name="recommend"/>.</summary>
    /// <remarks>Optionally at a position, with a photo of the given name (the same name, the same content hash), approved by another reviewer.</remarks>
    public static async Task<Visit> VisitAsync(Unit unit, Household household, DateOnly visitedOn, HouseholdStatus? recommend, long spending = 250_000, VisitPurpose purpose = VisitPurpose.Verification,
        (double Latitude, double Longitude)? position = null, string? photo = null, string reviewer = Reviewer, DateTime? formOpenedAt = null)
    {
        var visit = await SubmitAsync(unit, household, visitedOn, recommend, spending, purpose, position, photo, formOpenedAt);
        await unit.Verval.ApproveAsync(visit, household, reviewer, null, unit.Audit);
        return visit;
    }
}
