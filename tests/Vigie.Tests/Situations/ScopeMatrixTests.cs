using System.Net;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;
using Microsoft.Extensions.DependencyInjection;

namespace Vigie.Tests.Situations;

/// <summary>
/// Each role × each way a situation relates to the user → the status of its page and whether the
/// list shows it. Roles without situations are refused the whole module (403); a situation out of
/// a Professionnel's scope does not exist for them (404, absent from the list).
/// </summary>
public sealed class ScopeMatrixTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private enum Case
    {
        OwnOrganisation,
        OtherOrganisation,
        Assigned,
        AssignmentEnded,
        EmergencyActive,
        EmergencyExpired,
        ClosedOwnOrganisation,
    }

    private static readonly Case[] Cases = Enum.GetValues<Case>();

    /// <summary>(page status, listed). Only the Professionnel row depends on the case.</summary>
    private static (HttpStatusCode Status, bool Listed) Expected(string role, Case relation) => role switch
    {
        Roles.Coordination => (HttpStatusCode.OK, true),
        Roles.Professionnel => relation is Case.OtherOrganisation or Case.AssignmentEnded or Case.EmergencyExpired
            ? (HttpStatusCode.NotFound, false)
            : (HttpStatusCode.OK, true),
        _ => (HttpStatusCode.Forbidden, false),
    };

    [Fact]
    public async Task Every_role_sees_exactly_the_situations_of_its_scope()
    {
        var own = await factory.CreateOrganisationAsync();
        var other = await factory.CreateOrganisationAsync();
        var users = new Dictionary<string, TestUser>();
        foreach (var role in Roles.All)
        {
            users[role] = await factory.CreateUserAsync(role, organisationId: own);
        }

        var situations = new Dictionary<Case, Guid>();
        foreach (var relation in Cases)
        {
            var organisation = relation is Case.OwnOrganisation or Case.ClosedOwnOrganisation ? own : other;
            situations[relation] = await SituationFixtures.OpenAsync(factory, organisation, $"Canari{relation}", "Portée", new DateOnly(2010, 3, 4));
        }

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        await factory.WithDbAsync(async db =>
        {
            // Every user gets the same relation to the situation of each case, whatever their role:
            // only the scope rule decides what it is worth.
            foreach (var user in users.Values)
            {
                db.SituationAssignments.Add(new SituationAssignment
                {
                    SituationId = situations[Case.Assigned], UserId = user.Id, AssignedById = "fixture", AssignedAt = now,
                    ReasonEncrypted = cipher.Encrypt("Suivi commun", SituationAssignment.ReasonPurpose),
                });
                db.SituationAssignments.Add(new SituationAssignment
                {
                    SituationId = situations[Case.AssignmentEnded], UserId = user.Id, AssignedById = "fixture", AssignedAt = now.AddDays(-3),
                    EndedAt = now.AddDays(-1), EndedById = "fixture",
                    ReasonEncrypted = cipher.Encrypt("Suivi terminé", SituationAssignment.ReasonPurpose),
                });
                db.EmergencyAccesses.Add(new EmergencyAccess
                {
                    SituationId = situations[Case.EmergencyActive], UserId = user.Id, GrantedAt = now, ExpiresAt = now + EmergencyAccess.Duration,
                    JustificationEncrypted = cipher.Encrypt("Fugue signalée cette nuit, danger immédiat", EmergencyAccess.JustificationPurpose),
                });
                // Granted 24 h and 1 minute ago: expired a minute ago.
                var granted = now - EmergencyAccess.Duration - TimeSpan.FromMinutes(1);
                db.EmergencyAccesses.Add(new EmergencyAccess
                {
                    SituationId = situations[Case.EmergencyExpired], UserId = user.Id, GrantedAt = granted, ExpiresAt = granted + EmergencyAccess.Duration,
                    JustificationEncrypted = cipher.Encrypt("Fugue signalée hier soir, danger immédiat", EmergencyAccess.JustificationPurpose),
                });
            }

            var closed = await db.Situations.FindAsync(situations[Case.ClosedOwnOrganisation]);
            closed!.Close(ClosureReason.Majorite, now);
            await db.SaveChangesAsync();
        });

        var failures = new List<string>();
        foreach (var role in Roles.All)
        {
            var client = await factory.LoginAsync(users[role]);
            var list = await client.GetAsync("/situations");
            var listed = list.StatusCode == HttpStatusCode.OK
                ? (await Pages.ParseAsync(list)).QuerySelectorAll("a[href^='/situations/']").Select(a => a.GetAttribute("href")).ToHashSet()
                : [];
            var listStatus = Roles.Professionnel == role || Roles.Coordination == role ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
            if (list.StatusCode != listStatus)
            {
                failures.Add($"{role} GET /situations → {(int)list.StatusCode}, attendu {(int)listStatus}");
            }

            foreach (var relation in Cases)
            {
                var (status, shown) = Expected(role, relation);
                var path = $"/situations/{situations[relation]}";
                var response = await client.GetAsync(path);
                if (response.StatusCode != status)
                {
                    failures.Add($"{role} × {relation}: GET {path} → {(int)response.StatusCode}, attendu {(int)status}");
                }

                if (listed.Contains(path) != shown)
                {
                    failures.Add($"{role} × {relation}: {(shown ? "absente de" : "présente dans")} la liste");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
