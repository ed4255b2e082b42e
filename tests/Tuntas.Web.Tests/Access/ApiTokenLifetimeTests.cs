using System.Net;
using Microsoft.EntityFrameworkCore;
using Tuntas.Data.Access;
using Tuntas.Domain.Access;
using Tuntas.Testing;

namespace Tuntas.Web.Tests.Access;

public class ApiTokenLifetimeTests
{
    [Theory, DatabaseData]
    public async Task ExpiredOrRevokedToken_Is401(TestProvider provider)
    {
        await using var app = await TuntasWebFactory.CreateAsync(provider);
        var expired = await app.CreateUserAndTokenAsync("op.kedaluwarsa", Role.Operator, "64.74.01.1001");
        var revoked = await app.CreateUserAndTokenAsync("op.dicabut", Role.Operator, "64.74.01.1001");
        var live = await app.CreateUserAndTokenAsync("op.aktif", Role.Operator, "64.74.01.1001");
        await using (var db = app.CreateDbContext())
        {
            var expiredHash = ApiTokens.Hash(expired);
            var revokedHash = ApiTokens.Hash(revoked);
            (await db.ApiTokens.SingleAsync(t => t.TokenHash == expiredHash)).ExpiresAt = DateTime.UtcNow.AddMinutes(-1);
            (await db.ApiTokens.SingleAsync(t => t.TokenHash == revokedHash)).RevokedAt = DateTime.UtcNow.AddMinutes(-1);
            await db.SaveChangesAsync();
        }

        async Task<HttpStatusCode> StatusWith(string token)
        {
            var client = app.CreateClient();
            client.DefaultRequestHeaders.Authorization = new("Bearer", token);
            return (await client.GetAsync("/api/v1/households/6474010101200001")).StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, await StatusWith(live));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(expired));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWith(revoked));
    }
}
