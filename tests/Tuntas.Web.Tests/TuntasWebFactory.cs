using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Data;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Domain.Registry;
using Tuntas.Testing;

namespace Tuntas.Web.Tests;

/// <summary>The real app over a throw-away database of one provider.</summary>
public sealed class TuntasWebFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public const string Password = "a-long-test-passphrase";

    public TestDatabase Database { get; } = database;

    /// <summary>Settings of this test (set before the first request), over the defaults below.</summary>
    public Dictionary<string, string> Settings { get; } = [];

    /// <summary>Where this app keeps its uploads.</summary>
    public string UploadsFolder { get; } = Path.Combine(Path.GetTempPath(), $"tuntas-uploads-{Guid.NewGuid():N}");

    public static async Task<TuntasWebFactory> CreateAsync(TestProvider provider, bool withFamilies = true)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var factory = new TuntasWebFactory(database);
        if (withFamilies)
        {
            await factory.AddAsync(Families.ThreeFamilies());
        }

        return factory;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(TuntasWebApp.DatabaseSetting, Database.Uri.Display);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Tuntas:Uploads", UploadsFolder);
        builder.UseSetting("Tuntas:Evidence", Path.Combine(Path.GetTempPath(), $"tuntas-evidence-{Guid.NewGuid():N}"));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public async Task AddAsync(IEnumerable<Household> households)
    {
        await using var db = Database.CreateContext();
        db.Households.AddRange(households);
        await db.SaveChangesAsync();
    }

    /// <summary>Creates a user and returns a client that sends its API token.</summary>
    public async Task<HttpClient> ClientForAsync(Role role, string? region)
    {
        var token = await CreateUserAndTokenAsync($"{role.ToWire()}-{Guid.NewGuid():N}"[..20], role, region);
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> CreateUserAndTokenAsync(string name, Role role, string? region, string? programme = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<AddUser>().AddAsync(name, role, region is null ? null : RegionCode.From(region), Password, "test", programme);
        Assert.True(added.Succeeded, added.Error?.English);
        var token = await scope.ServiceProvider.GetRequiredService<CreateApiToken>().CreateAsync(name, TimeSpan.FromDays(1), "test");
        Assert.True(token.Succeeded, token.Error?.English);
        return token.Value!;
    }

    public TuntasDbContext CreateDbContext() => Database.CreateContext();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
    }
}
