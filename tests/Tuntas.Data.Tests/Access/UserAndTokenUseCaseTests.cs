using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Data.Common;
using Tuntas.Data.Tests.Verification;
using Tuntas.Domain.Access;
using Tuntas.Domain.Regions;
using Tuntas.Testing;

namespace Tuntas.Data.Tests.Access;

/// <summary>Users and API tokens are created and revoked by use cases, each with its audit entry, or refused with every reason at once.</summary>
public class UserAndTokenUseCaseTests
{
    private const string Password = "a long enough passphrase 2025";

    [Theory, DatabaseData]
    public async Task AUser_IsCreatedOnRecord_OrRefusedWithEveryReason(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await using var unit = VervalKit.Open(services);
        var addUser = unit.Scope<AddUser>();

        var added = await addUser.AddAsync("dinsos.bontang", Role.Verifier, RegionCode.From("64.74"), Password, "admin");
        Assert.True(added.Succeeded, added.Error?.English);
        Assert.Equal((Role.Verifier, "64.74"), (added.Value!.Role, added.Value.RegionCode?.Value));
        Assert.Equal("admin", (await unit.Db.AuditEntries.SingleAsync(e => e.Action == "user.create")).Actor);

        var refused = await addUser.AddAsync("dinsos.bontang", Role.Verifier, RegionCode.From("64.99"), Password, "admin", programme: "PKH");
        var reasons = Assert.IsType<WriteError.RuleBroken>(refused.Error).English;
        Assert.Contains("takes no --programme", reasons, StringComparison.Ordinal);
        Assert.Contains("Region 64.99 is not in the region list", reasons, StringComparison.Ordinal);
        Assert.Contains("A user named 'dinsos.bontang' already exists.", reasons, StringComparison.Ordinal);
        Assert.Equal(1, await unit.Db.Users.CountAsync());
        Assert.Equal(1, await unit.Db.AuditEntries.CountAsync(e => e.Action == "user.create"));
    }

    [Theory, DatabaseData]
    public async Task AToken_IsCreatedForAKnownUser_AndRevokedOnRecord(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var services = VervalKit.Services(database);
        await using var unit = VervalKit.Open(services);
        Assert.True((await unit.Scope<AddUser>().AddAsync("bappeda.kaltim", Role.Province, RegionCode.From("64"), Password, "admin")).Succeeded);

        Assert.IsType<WriteError.NotFound>((await unit.Scope<CreateApiToken>().CreateAsync("nobody", null, "admin")).Error);
        var created = await unit.Scope<CreateApiToken>().CreateAsync("bappeda.kaltim", TimeSpan.FromDays(1), "admin");
        Assert.True(created.Succeeded, created.Error?.English);
        Assert.Equal("bappeda.kaltim", (await unit.Scope<ApiTokens>().FindUserAsync(created.Value!))?.UserName);

        Assert.IsType<WriteError.NotFound>((await unit.Scope<RevokeApiTokens>().RevokeAsync(null, "nobody", "admin")).Error);
        var revoked = await unit.Scope<RevokeApiTokens>().RevokeAsync(null, "bappeda.kaltim", "admin");
        Assert.Equal(new[] { created.Value![..10] }, revoked.Value!);
        Assert.Null(await unit.Scope<ApiTokens>().FindUserAsync(created.Value!));
        Assert.Equal(
            new[] { "token.create", "token.revoke" },
            await unit.Db.AuditEntries.Where(e => e.Action.StartsWith("token.")).OrderBy(e => e.Sequence).Select(e => e.Action).ToListAsync());
    }
}
