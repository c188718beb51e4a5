using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Commission;

public sealed class MinutesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private sealed record SetUp(TestUser Coordination, HttpClient Client, LiveFixtures.SessionSetUp Set, string Url);

    private async Task<SetUp> SetUpAsync()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await factory.LoginAsync(coordination);
        var set = await LiveFixtures.SessionAsync(factory, coordination.Id);
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var org = await factory.CreateOrganisationAsync("Mission locale de test");
        await factory.WithDbAsync(async db =>
        {
            var item = await db.AgendaItems.SingleAsync(i => i.Id == set.Items[0]);
            item.SharedInformationEncrypted = cipher.Encrypt("Absences scolaires répétées.", AgendaItem.SharedPurpose);
            item.AdviceEncrypted = cipher.Encrypt("Renforcer le suivi éducatif.", AgendaItem.AdvicePurpose);
            item.ReviewOn = new DateOnly(2031, 2, 3);
            db.CommissionActions.Add(new CommissionAction
            {
                AgendaItemId = item.Id, SessionId = set.Session, SituationId = item.SituationId,
                DescriptionEncrypted = cipher.Encrypt("Proposer un rendez-vous", CommissionAction.DescriptionPurpose),
                OwnerOrganisationId = org, DueOn = new DateOnly(2031, 1, 15), CreatedAt = factory.Clock.GetUtcNow().UtcDateTime, CreatedById = coordination.Id,
            });
            await db.SaveChangesAsync();
        });
        await LiveFixtures.InviteAsync(factory, set.Session, null, InvitationRole.Membre, "Jeanne Juge", "Tribunal judiciaire");
        return new SetUp(coordination, client, set, $"/commission/seances/{set.Session}/compte-rendu");
    }

    private async Task<(string Text, int Version)> MinutesAsync(Guid session)
    {
        var minutes = await factory.WithDbAsync(db => db.SessionMinutes.AsNoTracking().SingleAsync(m => m.SessionId == session));
        return (factory.Services.GetRequiredService<FieldCipher>().Decrypt(minutes.ContentEncrypted, SessionMinutes.ContentPurpose), minutes.Version);
    }

    /// <summary>Generate, validate and lock, as Coordination.</summary>
    private async Task LockAsync(SetUp s)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new(), "Generate")).StatusCode);
        var (text, version) = await MinutesAsync(s.Set.Session);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["Content"] = text, ["Version"] = version.ToString() }, "Validate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["Version"] = (version + 1).ToString() }, "Lock")).StatusCode);
    }

    [Fact]
    public async Task The_draft_is_written_from_the_session_edited_validated_locked_then_only_amended()
    {
        var s = await SetUpAsync();
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        await LiveFixtures.InviteAsync(factory, s.Set.Session, member.Id, InvitationRole.Membre, "Marc Membre", "Éducation nationale", accepted: true);

        var empty = await Pages.GetDocumentAsync(s.Client, s.Url);
        Assert.Equal("Pas encore rédigé", empty.Text("#minutes-status"));
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new(), "Generate")).StatusCode);
        var (draft, version) = await MinutesAsync(s.Set.Session);
        Assert.Contains("# Compte rendu de la séance n°", draft, StringComparison.Ordinal);
        Assert.Contains("Lieu : Salle du conseil", draft, StringComparison.Ordinal);
        Assert.Contains("## Tribunal judiciaire (0 présent(s) sur 1)", draft, StringComparison.Ordinal);
        Assert.Contains("Absences scolaires répétées.", draft, StringComparison.Ordinal);
        Assert.Contains("Renforcer le suivi éducatif.", draft, StringComparison.Ordinal);
        Assert.Contains("- Proposer un rendez-vous — responsable : Mission locale de test — échéance : 15/01/2031", draft, StringComparison.Ordinal);
        Assert.Contains("Date de revoyure : 03/02/2031", draft, StringComparison.Ordinal);
        Assert.DoesNotContain("Nom1", draft, StringComparison.Ordinal);
        var stored = await factory.WithDbAsync(db => db.SessionMinutes.Where(m => m.SessionId == s.Set.Session).Select(m => m.ContentEncrypted).SingleAsync());
        Assert.DoesNotContain("Absences", stored, StringComparison.Ordinal);

        // A draft is not for members.
        var memberClient = await factory.LoginAsync(member);
        await Pages.GetDocumentAsync(memberClient, s.Url, HttpStatusCode.NotFound);

        // Edit, then validation messages.
        var edited = draft + "\nLa séance est levée à 16 h.\n";
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["Content"] = edited, ["Version"] = version.ToString() }, "Save")).StatusCode);
        var blank = await Pages.ParseAsync(await Pages.PostFormAsync(s.Client, s.Url, new() { ["Content"] = "  ", ["Version"] = (version + 1).ToString() }, "Save"));
        Assert.Equal("Le compte rendu est vide : écrivez-le ou régénérez le brouillon.", blank.Text("#Content-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["Content"] = edited, ["Version"] = (version + 1).ToString() }, "Validate")).StatusCode);
        Assert.Equal(MinutesStatus.Validee, await factory.WithDbAsync(db => db.SessionMinutes.Where(m => m.SessionId == s.Set.Session).Select(m => m.Status).SingleAsync()));
        var frozen = await Pages.ParseAsync(await Pages.PostFormAsync(s.Client, s.Url, new() { ["Content"] = "Autre texte", ["Version"] = (version + 2).ToString() }, "Save"));
        Assert.Contains("remettez-le en brouillon", frozen.Text("#form-errors"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["Version"] = (version + 2).ToString() }, "Lock")).StatusCode);
        var (lockedText, lockedVersion) = await MinutesAsync(s.Set.Session);
        Assert.Equal(edited.Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), lockedText);
        var (closedAt, lockedAt) = await factory.WithDbAsync(async db => (
            await db.CommissionSessions.Where(x => x.Id == s.Set.Session).Select(x => x.MinutesClosedAt).SingleAsync(),
            await db.SessionMinutes.Where(m => m.SessionId == s.Set.Session).Select(m => m.LockedAt).SingleAsync()));
        Assert.NotNull(closedAt);
        Assert.Equal(closedAt, lockedAt);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.UserId == member.Id && n.Kind == NotificationKind.MinutesAvailable)));

        // After the lock: no edit, no return to draft; amendments, numbered and dated.
        var refused = await Pages.ParseAsync(await Pages.PostFormAsync(s.Client, s.Url, new() { ["Content"] = "Réécrit", ["Version"] = lockedVersion.ToString() }, "Save"));
        Assert.Contains("verrouillé", refused.Text("#form-errors"), StringComparison.Ordinal);
        await Pages.PostFormAsync(s.Client, s.Url, new() { ["Version"] = lockedVersion.ToString() }, "Reopen");
        var noAmendment = await Pages.ParseAsync(await Pages.PostFormAsync(s.Client, s.Url, new() { ["AmendmentText"] = "" }, "Amend"));
        Assert.Equal("Écrivez le rectificatif.", noAmendment.Text("#AmendmentText-error"));
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["AmendmentText"] = "Lire « 17 h » au lieu de « 16 h »." }, "Amend")).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["AmendmentText"] = "Second rectificatif." }, "Amend")).StatusCode);
        Assert.Equal((lockedText, lockedVersion), await MinutesAsync(s.Set.Session));
        Assert.Equal(MinutesStatus.Verrouillee, await factory.WithDbAsync(db => db.SessionMinutes.Where(m => m.SessionId == s.Set.Session).Select(m => m.Status).SingleAsync()));
        var amendments = await factory.WithDbAsync(db => db.MinutesAmendments.AsNoTracking().OrderBy(a => a.Number)
            .Where(a => db.SessionMinutes.Any(m => m.Id == a.MinutesId && m.SessionId == s.Set.Session)).ToListAsync());
        Assert.Equal("1,2", string.Join(",", amendments.Select(a => a.Number)));
        Assert.True(amendments[1].At > amendments[0].At);
        Assert.DoesNotContain("rectificatif", amendments[1].TextEncrypted, StringComparison.Ordinal);
        var page = await Pages.GetDocumentAsync(s.Client, s.Url);
        Assert.Contains("Lire « 17 h » au lieu de « 16 h ».", page.Text("#rectificatif-1"), StringComparison.Ordinal);
        Assert.Contains("Rectificatif n° 2 du", page.Text("#rectificatif-2"), StringComparison.Ordinal);
        Assert.Contains("La séance est levée à 16 h.", page.Text("#minutes-text"), StringComparison.Ordinal);

        var audits = await factory.WithDbAsync(db => db.AuditEntries.Where(e => e.RecordType == AuditRecordType.Minutes && e.ActorId == s.Coordination.Id)
            .Select(e => e.Action).ToListAsync());
        Assert.Contains(AuditAction.MinutesValidated, audits);
        Assert.Contains(AuditAction.MinutesLocked, audits);
        Assert.Equal(2, audits.Count(a => a == AuditAction.MinutesAmended));
    }

    [Fact]
    public async Task A_conflicting_edit_says_who_saved_and_keeps_the_typed_text()
    {
        var s = await SetUpAsync();
        await Pages.PostFormAsync(s.Client, s.Url, new(), "Generate");
        var (text, version) = await MinutesAsync(s.Set.Session);
        var colleague = await factory.CreateUserAsync(Roles.Coordination);
        var colleagueClient = await factory.LoginAsync(colleague);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(colleagueClient, s.Url, new() { ["Content"] = text + "\nAjout du collègue.", ["Version"] = version.ToString() }, "Save")).StatusCode);

        var response = await Pages.PostFormAsync(s.Client, s.Url, new() { ["Content"] = "Ma version tapée", ["Version"] = version.ToString() }, "Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        var name = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == colleague.Id).Select(u => u.DisplayName).SingleAsync());
        Assert.Contains($"modifié par {name} entre-temps", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Ma version tapée", page.QuerySelector("#Content")!.TextContent);
        Assert.Equal((version + 1).ToString(), page.QuerySelector("input[name=Version]")!.GetAttribute("value"));
        Assert.EndsWith("Ajout du collègue.", (await MinutesAsync(s.Set.Session)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invited_readers_read_the_locked_minutes_with_receipts_and_others_get_404()
    {
        var s = await SetUpAsync();
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        var noCommitment = await factory.CreateUserAsync(Roles.MembreCommission);
        var presenter = await factory.CreateUserAsync(Roles.Professionnel);
        var outsider = await factory.CreateUserAsync(Roles.MembreCommission);
        await LiveFixtures.InviteAsync(factory, s.Set.Session, member.Id, InvitationRole.Membre, "Marc Membre", "Éducation nationale", accepted: true);
        await LiveFixtures.InviteAsync(factory, s.Set.Session, noCommitment.Id, InvitationRole.Membre, "Nina Sans-Engagement", "Éducation nationale");
        await LiveFixtures.InviteAsync(factory, s.Set.Session, presenter.Id, InvitationRole.Presentateur, "Paul Présentateur", "ASE");
        await LockAsync(s);

        var memberClient = await factory.LoginAsync(member);
        var page = await Pages.GetDocumentAsync(memberClient, s.Url);
        Assert.Contains("Absences scolaires répétées.", page.Text("#minutes-text"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#readers"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        await Pages.GetDocumentAsync(memberClient, s.Url);
        await Pages.GetDocumentAsync(await factory.LoginAsync(presenter), s.Url);
        await Pages.GetDocumentAsync(await factory.LoginAsync(noCommitment), s.Url, HttpStatusCode.NotFound);
        await Pages.GetDocumentAsync(await factory.LoginAsync(outsider), s.Url, HttpStatusCode.NotFound);

        var receipts = await factory.WithDbAsync(db => db.MinutesReadReceipts.AsNoTracking().ToListAsync());
        var mine = receipts.Single(r => r.UserId == member.Id);
        Assert.Equal(2, mine.Reads);
        Assert.True(mine.LastReadAt >= mine.FirstReadAt);
        Assert.Equal(1, receipts.Single(r => r.UserId == presenter.Id).Reads);
        Assert.DoesNotContain(receipts, r => r.UserId == noCommitment.Id || r.UserId == outsider.Id);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == AuditRecordType.Minutes && e.ActorId == member.Id && e.Action == AuditAction.Read)));

        var coordination = await Pages.GetDocumentAsync(s.Client, s.Url);
        var rows = coordination.QuerySelectorAll("#readers tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("Marc Membre", StringComparison.Ordinal) && r.Contains("2 lectures", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Nina Sans-Engagement", StringComparison.Ordinal) && r.Contains("Pas encore lu", StringComparison.Ordinal));

        // Past the members' window after the lock, a member no longer reads them; the presenter still does.
        factory.Clock.Advance(TimeSpan.FromDays(31));
        memberClient = await factory.LoginAsync(member);
        await Pages.GetDocumentAsync(memberClient, s.Url, HttpStatusCode.NotFound);
        await Pages.GetDocumentAsync(await factory.LoginAsync(presenter), s.Url);
    }

    [Fact]
    public async Task The_pdf_copy_is_allowed_by_coordination_and_carries_the_reader_s_name()
    {
        var s = await SetUpAsync();
        var member = await factory.CreateUserAsync(Roles.MembreCommission);
        await LiveFixtures.InviteAsync(factory, s.Set.Session, member.Id, InvitationRole.Membre, "Marc Membre", "Éducation nationale", accepted: true);
        await LockAsync(s);
        var memberClient = await factory.LoginAsync(member);
        var pdfUrl = s.Url + "/pdf";
        Assert.Equal(HttpStatusCode.NotFound, (await memberClient.GetAsync(pdfUrl)).StatusCode);
        Assert.Null((await Pages.GetDocumentAsync(memberClient, s.Url)).QuerySelector($"a[href='{pdfUrl}']"));

        var (_, version) = await MinutesAsync(s.Set.Session);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["Version"] = version.ToString(), ["allowed"] = "true" }, "Pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(s.Client, s.Url, new() { ["AmendmentText"] = "Rectificatif imprimé." }, "Amend")).StatusCode);
        Assert.NotNull((await Pages.GetDocumentAsync(memberClient, s.Url)).QuerySelector($"a[href='{pdfUrl}']"));

        var response = await memberClient.GetAsync(pdfUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var name = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == member.Id).Select(u => u.DisplayName).SingleAsync());
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var pages = document.GetPages().ToList();
        static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        var all = Squeeze(string.Concat(pages.Select(p => p.Text)));
        Assert.Contains(Squeeze("Absences scolaires répétées."), all, StringComparison.Ordinal);
        Assert.Contains(Squeeze("Rectificatif imprimé."), all, StringComparison.Ordinal);
        foreach (var page in pages)
        {
            Assert.Contains(Squeeze($"Copie de {name}"), Squeeze(page.Text), StringComparison.Ordinal);
        }

        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordType == AuditRecordType.MinutesPdf && e.Action == AuditAction.Export && e.ActorId == member.Id)));
        var outsider = await factory.LoginAsync(await factory.CreateUserAsync(Roles.MembreCommission));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(pdfUrl)).StatusCode);
    }
}
