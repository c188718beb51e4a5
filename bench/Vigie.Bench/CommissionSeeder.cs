using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Bench;

/// <summary>
/// The <c>commission</c> command, after <c>generate</c>: a published session with ITEMS agenda items
/// (situations of the data set), what a full meeting records on them (information shared, advice,
/// review date, two decisions each, encrypted as the app does), ACTIONS actions spread over the items,
/// and 24 invitations from 6 institutions. Writes the session's id to DIR/commission-session.txt
/// for the load test of the live page.
/// </summary>
public static class CommissionSeeder
{
    public const string SessionFile = "commission-session.txt";

    private static readonly string[] Institutions =
        ["Conseil départemental", "Police nationale", "Gendarmerie", "Éducation nationale", "Protection judiciaire de la jeunesse", "Centre hospitalier"];

    public static async Task SeedAsync(BenchTarget target, int items, int actions, TextWriter output)
    {
        await using var host = BenchHost.Build(target, withAccounts: true);
        var services = host.Services;
        var cipher = services.GetRequiredService<FieldCipher>();
        await using var db = await services.GetRequiredService<IDbContextFactory<VigieDbContext>>().CreateDbContextAsync();
        var account = await db.Users.Where(u => u.Email == SituationSeeder.AccountEmail).Select(u => u.Id).FirstOrDefaultAsync()
            ?? throw new InvalidOperationException("Run the generate command first: no load-test account in this database.");
        var situations = await db.Situations.OrderBy(s => s.CreatedAt).Select(s => s.Id).Take(items).ToListAsync();
        if (situations.Count < items)
        {
            throw new InvalidOperationException($"The data set has {situations.Count} situations: {items} are needed.");
        }

        var organisations = await db.Organisations.Where(o => o.IsActive).Select(o => o.Id).Take(20).ToListAsync();
        var now = DateTime.UtcNow;
        var random = new Random(20250101);
        var session = new CommissionSession
        {
            Number = (await db.CommissionSessions.MaxAsync(s => (int?)s.Number) ?? 0) + 1,
            Kind = SessionKind.Ordinaire,
            StartsAt = now.AddHours(-1),
            Place = "Salle du conseil (banc d'essai)",
            AgendaPublishedAt = now.AddDays(-7),
            AgendaPublishedById = account,
            CreatedAt = now.AddDays(-30),
            CreatedById = account,
        };
        db.CommissionSessions.Add(session);
        for (var i = 0; i < 24; i++)
        {
            db.SessionInvitations.Add(new SessionInvitation
            {
                SessionId = session.Id,
                UserId = i == 0 ? account : null,
                Role = i % 8 == 7 ? InvitationRole.Presentateur : InvitationRole.Membre,
                PersonName = $"Personne invitée {i + 1}",
                Institution = Institutions[i % Institutions.Length],
                InvitedAt = now.AddDays(-20),
                Attendance = (Attendance)(i % 4),
            });
        }

        var itemIds = new List<(Guid Id, Guid Situation)>();
        var kinds = Enum.GetValues<DecisionKind>().Where(k => k != DecisionKind.CoAccompagnementPropose).ToArray();
        for (var position = 1; position <= items; position++)
        {
            var item = new AgendaItem
            {
                SessionId = session.Id,
                SituationId = situations[position - 1],
                Position = position,
                Urgent = position <= 2,
                Representation = position % 5 == 0,
                PresenterId = account,
                SummaryEncrypted = cipher.Encrypt(Text("Résumé du présentateur", 600, random), AgendaItem.SummaryPurpose),
                SharedInformationEncrypted = cipher.Encrypt(Text("Informations partagées", 900, random), AgendaItem.SharedPurpose),
                AdviceEncrypted = cipher.Encrypt(Text("Avis de la commission", 400, random), AgendaItem.AdvicePurpose),
                ReviewOn = DateOnly.FromDateTime(now).AddDays(90),
                CreatedAt = now.AddDays(-7),
                UpdatedAt = now,
                UpdatedById = account,
            };
            db.AgendaItems.Add(item);
            itemIds.Add((item.Id, item.SituationId));
            for (var d = 0; d < 2; d++)
            {
                var kind = kinds[random.Next(kinds.Length)];
                db.CommissionDecisions.Add(new CommissionDecision
                {
                    AgendaItemId = item.Id,
                    Kind = kind,
                    DetailEncrypted = cipher.Encrypt(Text("Précision", 120, random), CommissionDecision.DetailPurpose),
                    RepresentOn = kind == DecisionKind.RepresentationLe ? DateOnly.FromDateTime(now).AddDays(60) : null,
                    CreatedAt = now,
                    CreatedById = account,
                });
            }
        }

        for (var n = 0; n < actions; n++)
        {
            var (itemId, situation) = itemIds[n % itemIds.Count];
            db.CommissionActions.Add(new CommissionAction
            {
                AgendaItemId = itemId,
                SessionId = session.Id,
                SituationId = situation,
                DescriptionEncrypted = cipher.Encrypt(Text($"Action {n + 1}", 160, random), CommissionAction.DescriptionPurpose),
                OwnerId = n % 3 == 0 ? account : null,
                OwnerOrganisationId = organisations[n % organisations.Count],
                DueOn = DateOnly.FromDateTime(now).AddDays(7 + (n % 60)),
                CreatedAt = now.AddMinutes(n),
                CreatedById = account,
            });
        }

        await db.SaveChangesAsync();
        await File.WriteAllTextAsync(Path.Combine(target.DataFolder, SessionFile), session.Id.ToString() + "\n");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Session n° {session.Number} ({session.Id}): {items} items, {items * 2} decisions, {actions} actions, 24 invitations; live page /commission/seances/{session.Id}/en-seance"));
    }

    /// <summary>Fictitious French-looking text of about <paramref name="length"/> characters.</summary>
    private static string Text(string lead, int length, Random random)
    {
        string[] words = ["la", "jeune", "suivi", "éducatif", "rencontre", "famille", "établissement", "scolaire", "absences", "orientation",
            "partenaires", "accompagnement", "santé", "hébergement", "situation", "évaluation", "référent", "rendez-vous", "semaine", "avis"];
        var text = new System.Text.StringBuilder(lead).Append(" :");
        while (text.Length < length)
        {
            text.Append(' ').Append(words[random.Next(words.Length)]);
        }

        return text.Append('.').ToString();
    }
}
