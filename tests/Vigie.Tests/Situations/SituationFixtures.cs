using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Situations;

public static class SituationFixtures
{
    /// <summary>Opens a situation directly in the store, as the module would.</summary>
    public static async Task<Guid> OpenAsync(VigieFactory factory, Guid organisation, string lastName, string firstName, DateOnly birth,
        string territory = "Lyon 8e")
    {
        var situation = Situation.Open(new MinorIdentity(lastName, firstName, birth), Sex.Fille, territory, organisation, "fixture",
            factory.Services.GetRequiredService<FieldCipher>(), factory.Services.GetRequiredService<BlindIndex>(), factory.Clock.GetUtcNow().UtcDateTime);
        await factory.WithDbAsync(async db =>
        {
            db.Situations.Add(situation);
            await db.SaveChangesAsync();
        });
        return situation.Id;
    }
}
