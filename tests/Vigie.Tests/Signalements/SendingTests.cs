using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using UglyToad.PdfPig;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Platform.Outbox;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Tests.Signalements;

/// <summary>Sending through the outbox to a real SMTP server on loopback, then the proof and the justice follow-up.</summary>
public sealed class SendingTests : IAsyncDisposable
{
    private readonly LoopbackSmtpServer _smtp = new();
    private readonly SmtpSignalementFactory _factory;

    public SendingTests()
    {
        _factory = new SmtpSignalementFactory(_smtp.Port);
        _smtp.Start();
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<int> OutboxCountAsync(Guid sid) => _factory.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.SubjectId == sid));

    [Fact]
    public async Task Sending_is_refused_before_every_author_validated_to_a_non_author_and_without_a_valid_code()
    {
        var r = await SendingFixtures.ReadyAsync(_factory);
        var colleague = await _factory.CreateUserAsync(Roles.Professionnel, organisationId: r.Organisation);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(r.Client, r.SignalementId, "AddAuthor", new() { ["userId"] = colleague.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(r.Client, r.SignalementId, "Validate")).StatusCode);

        // The colleague has not validated: no send button, and a forged post is refused.
        Assert.Null((await Pages.GetDocumentAsync(r.Client, $"/signalements/{r.SignalementId}")).QuerySelector("#send"));
        var early = await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId);
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Contains("Chaque auteur doit d'abord valider", (await Pages.ParseAsync(early)).Text("#form-errors"), StringComparison.Ordinal);

        var colleagueClient = await _factory.LoginAsync(colleague);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(colleagueClient, r.SignalementId, "Validate")).StatusCode);

        // Coordination sees the signalement but is not an author.
        var coordination = await _factory.CreateUserAsync(Roles.Coordination);
        var coordinationClient = await _factory.LoginAsync(coordination);
        Assert.Equal(HttpStatusCode.Forbidden, (await SendingFixtures.SendAsync(_factory, coordinationClient, coordination, r.SignalementId)).StatusCode);

        // An author without a valid code.
        var wrong = await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId, code: "000000");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Code incorrect", (await Pages.ParseAsync(wrong)).Text("#Code-error"), StringComparison.Ordinal);
        var blank = await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId, code: "");
        Assert.Equal(HttpStatusCode.OK, blank.StatusCode);

        Assert.Equal(0, await OutboxCountAsync(r.SignalementId));
        Assert.Equal(SignalementStatus.Brouillon, (await SignalementFixtures.ReadAsync(_factory, r.SignalementId)).Status);
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.StepUpFailed && a.ActorId == r.User.Id)));
    }

    [Fact]
    public async Task A_sent_signalement_reaches_the_parquet_with_the_crip_in_copy_once_and_becomes_effectue_with_its_proof()
    {
        var r = await SendingFixtures.ReadyAsync(_factory);

        var response = await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/signalements/{r.SignalementId}/preuve", response.Headers.Location!.OriginalString);
        var queued = await SignalementFixtures.ReadAsync(_factory, r.SignalementId);
        Assert.Equal(SignalementStatus.EnEnvoi, queued.Status);
        Assert.Equal(r.User.Id, queued.SentById);
        Assert.Contains("En cours d'envoi", (await Pages.GetDocumentAsync(r.Client, $"/situations/{r.SituationId}")).Text($"#signalement-{r.SignalementId}"), StringComparison.Ordinal);

        // A second click (same page, same version) and a later post: no second message.
        var again = await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(1, await OutboxCountAsync(r.SignalementId));

        Assert.Equal(1, await _factory.Dispatcher.RunOnceAsync(Token));
        Assert.Equal(0, await _factory.Dispatcher.RunOnceAsync(Token));

        var received = Assert.Single(_smtp.Received);
        var s = await SignalementFixtures.ReadAsync(_factory, r.SignalementId);
        Assert.Equal(["parquet-mineurs@exemple.invalid"], received.To.Mailboxes.Select(m => m.Address));
        Assert.Equal(["crip@exemple.invalid"], received.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal("vigie@metropole.test", Assert.Single(received.From.Mailboxes).Address);
        Assert.Equal($"Signalement {s.Reference} — mineur(e) victime ou en risque de prostitution", received.Subject);
        Assert.Contains(s.Reference, received.TextBody, StringComparison.Ordinal);
        foreach (var secret in new[] { "Morel", "Léna", "copain" })
        {
            Assert.DoesNotContain(secret, received.Subject, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, received.TextBody, StringComparison.OrdinalIgnoreCase);
        }

        var attachment = Assert.IsType<MimePart>(Assert.Single(received.Attachments));
        Assert.Equal($"signalement-{s.Reference}.pdf", attachment.FileName);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes, Token);
        var cipher = _factory.Services.GetRequiredService<FieldCipher>();
        var stored = Convert.FromBase64String(cipher.Decrypt(s.PdfEncrypted!, Signalement.PdfPurpose));
        Assert.Equal(stored, bytes.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(stored)), s.PdfSha256);
        using (var pdf = PdfDocument.Open(stored))
        {
            var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
            Assert.Contains(Squeeze("Retours tardifs, argent liquide."), text, StringComparison.Ordinal);
            Assert.Contains("Morel", text, StringComparison.Ordinal); // the minor's identity is in the document, not in the e-mail
            Assert.DoesNotContain("PROJET", text, StringComparison.Ordinal);
        }

        Assert.Equal(SignalementStatus.Effectue, s.Status);
        Assert.Equal(received.MessageId, s.MessageId);
        Assert.Equal("250 2.0.0 " + LoopbackSmtpServer.QueueId, s.ServerResponse);
        Assert.NotNull(s.AcceptedAt);
        var step = await _factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().SingleAsync(l => l.SignalementId == r.SignalementId));
        Assert.Equal((LegalStepKind.Signalement, s.AcceptedAt, "Parquet des mineurs (exemple)", r.User.Id), (step.Kind, (DateTime?)step.OccurredAt, step.Recipient, step.ResponsibleUserId));
        Assert.Equal(SituationStatus.Signalee, (await _factory.WithDbAsync(db => db.Situations.AsNoTracking().SingleAsync(x => x.Id == r.SituationId))).Status);

        // The proof.
        var proof = await Pages.GetDocumentAsync(r.Client, $"/signalements/{r.SignalementId}/preuve");
        Assert.Equal(s.Reference, proof.Text("#proof-reference"));
        Assert.Contains("parquet-mineurs@exemple.invalid", proof.Text("#proof-recipients"), StringComparison.Ordinal);
        Assert.Contains("Copie (Cc) : CRIP (exemple) <crip@exemple.invalid>", proof.Text("#proof-recipients"), StringComparison.Ordinal);
        Assert.Equal(received.Subject, proof.Text("#proof-subject"));
        Assert.Equal(s.ServerResponse, proof.Text("#proof-response"));
        Assert.Equal(s.MessageId, proof.Text("#proof-message-id"));
        Assert.Equal(s.PdfSha256, proof.Text("#proof-sha256"));
        Assert.StartsWith("Effectué le", proof.Text("#signalement-status"), StringComparison.Ordinal);
        Assert.Contains("empreinte diffère", proof.Text("#watermark-explanation"), StringComparison.Ordinal);
        Assert.StartsWith("Effectué le", (await Pages.GetDocumentAsync(r.Client, $"/situations/{r.SituationId}")).Text($"#signalement-{r.SignalementId} .signalement-status"), StringComparison.Ordinal);

        // The PDF sent, watermarked with the reader's name on every page, the original text intact.
        var coordination = await _factory.CreateUserAsync(Roles.Coordination);
        var reader = await _factory.LoginAsync(coordination);
        var download = await reader.GetAsync($"/signalements/{r.SignalementId}/preuve/pdf");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
        var marked = await download.Content.ReadAsByteArrayAsync(Token);
        Assert.NotEqual(s.PdfSha256, Convert.ToHexStringLower(SHA256.HashData(marked)));
        var readerName = await _factory.WithDbAsync(db => db.Users.Where(u => u.Id == coordination.Id).Select(u => u.DisplayName).SingleAsync());
        using (var pdf = PdfDocument.Open(marked))
        using (var original = PdfDocument.Open(stored))
        {
            Assert.Equal(original.NumberOfPages, pdf.NumberOfPages);
            foreach (var page in pdf.GetPages())
            {
                Assert.Contains(Squeeze($"Téléchargé par {readerName} le"), Squeeze(page.Text), StringComparison.Ordinal);
                Assert.Contains(Squeeze(original.GetPage(page.Number).Text), Squeeze(page.Text), StringComparison.Ordinal);
            }
        }

        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a =>
            a.Action == AuditAction.SignalementPdfDownloaded && a.RecordType == AuditRecordType.SignalementSentPdf && a.ActorId == coordination.Id && a.RecordId == r.SignalementId.ToString())));
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignalementSent && a.ActorId == r.User.Id)));

        // On the timeline.
        var timeline = await Pages.GetDocumentAsync(r.Client, $"/situations/{r.SituationId}/chronologie");
        Assert.Contains($"Signalement {s.Reference} : effectué", timeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Signalement {s.Reference} : texte validé", timeline.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refusal_for_good_is_an_echec_shown_to_the_authors_and_coordination_and_the_draft_can_be_sent_again()
    {
        var coordination = await _factory.CreateUserAsync(Roles.Coordination);
        var r = await SendingFixtures.ReadyAsync(_factory);
        _smtp.Behaviour = PeerBehaviour.RefuseForGood;
        Assert.Equal(HttpStatusCode.Redirect, (await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId)).StatusCode);
        await _factory.Dispatcher.RunOnceAsync(Token);

        var s = await SignalementFixtures.ReadAsync(_factory, r.SignalementId);
        Assert.Equal(SignalementStatus.Echec, s.Status);
        Assert.False(string.IsNullOrWhiteSpace(s.FailureReason));
        var notified = await _factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.SignalementFailed).Select(n => n.UserId).ToListAsync());
        Assert.Contains(r.User.Id, notified);
        Assert.Contains(coordination.Id, notified);
        Assert.DoesNotContain(await _factory.WithDbAsync(db => db.Notifications.AsNoTracking().Where(n => n.Kind == NotificationKind.SignalementFailed).Select(n => n.Message).ToListAsync()),
            m => m.Contains("Morel", StringComparison.Ordinal));
        var page = await Pages.GetDocumentAsync(r.Client, $"/signalements/{r.SignalementId}");
        Assert.Equal("Échec de l'envoi", page.Text("#signalement-status"));
        Assert.NotNull(page.QuerySelector("#failure-reason"));
        Assert.False(await _factory.WithDbAsync(db => db.LegalSteps.AnyAsync(l => l.SignalementId == r.SignalementId)));

        // Corrected and sent again once the server accepts.
        _smtp.Behaviour = PeerBehaviour.Accept;
        Assert.Equal(HttpStatusCode.Redirect, (await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId)).StatusCode);
        await _factory.Dispatcher.RunOnceAsync(Token);
        Assert.Equal(SignalementStatus.Effectue, (await SignalementFixtures.ReadAsync(_factory, r.SignalementId)).Status);
    }

    [Fact]
    public async Task An_interrupted_send_is_a_verifier_until_coordination_confirms_receipt_with_a_fresh_code()
    {
        var coordination = await _factory.CreateUserAsync(Roles.Coordination);
        var r = await SendingFixtures.ReadyAsync(_factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId)).StatusCode);
        var outboxId = (await SignalementFixtures.ReadAsync(_factory, r.SignalementId)).OutboxMessageId!.Value;
        // As the sender records a hand-over cut after the last byte.
        await _factory.WithScopeAsync(sp => OutboxTransition.ApplyAsync(sp.GetRequiredService<VigieDbContext>(), sp.GetServices<IOutboxListener>(), outboxId,
            _ => true, m => { m.Status = OutboxStatus.Uncertain; return OutboxEvent.Uncertain; }, Token));

        Assert.Equal(SignalementStatus.AVerifier, (await SignalementFixtures.ReadAsync(_factory, r.SignalementId)).Status);
        Assert.True(await _factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == coordination.Id && n.Kind == NotificationKind.SignalementUncertain)));
        Assert.True(await _factory.WithDbAsync(db => db.Notifications.AnyAsync(n => n.UserId == r.User.Id && n.Kind == NotificationKind.SignalementUncertain)));

        // The author sees it is to be checked, without the buttons; a forged post is refused.
        var authorProof = await Pages.GetDocumentAsync(r.Client, $"/signalements/{r.SignalementId}/preuve");
        Assert.Equal("À vérifier", authorProof.Text("#signalement-status"));
        Assert.Null(authorProof.QuerySelector("#confirm-received"));
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostFormAsync(r.Client, $"/signalements/{r.SignalementId}/preuve", new() { ["Code"] = _factory.NextCode(r.User) }, "Confirm")).StatusCode);

        var client = await _factory.LoginAsync(coordination);
        var proof = await Pages.GetDocumentAsync(client, $"/signalements/{r.SignalementId}/preuve");
        Assert.NotNull(proof.QuerySelector("#confirm-received"));
        Assert.NotNull(proof.QuerySelector("#send-again"));
        var wrong = await Pages.PostFormAsync(client, $"/signalements/{r.SignalementId}/preuve", new() { ["Code"] = "000000" }, "Confirm");
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Equal(SignalementStatus.AVerifier, (await SignalementFixtures.ReadAsync(_factory, r.SignalementId)).Status);

        var confirmed = await Pages.PostFormAsync(client, $"/signalements/{r.SignalementId}/preuve", new() { ["Code"] = _factory.NextCode(coordination) }, "Confirm");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(SignalementStatus.Effectue, (await SignalementFixtures.ReadAsync(_factory, r.SignalementId)).Status);
        Assert.NotNull((await Pages.GetDocumentAsync(client, $"/signalements/{r.SignalementId}/preuve")).QuerySelector("#resolution"));
        Assert.True(await _factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.SignalementSendResolved && a.ActorId == coordination.Id)));
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task An_information_preoccupante_goes_to_the_crip_alone_and_its_evaluation_deadline_reaches_mes_echeances()
    {
        var r = await SendingFixtures.ReadyAsync(_factory, SignalementKind.InformationPreoccupante);
        var page = await Pages.GetDocumentAsync(r.Client, $"/signalements/{r.SignalementId}");
        Assert.Equal("Envoyer à la CRIP", page.Text("#send"));
        Assert.Equal(HttpStatusCode.Redirect, (await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId)).StatusCode);
        await _factory.Dispatcher.RunOnceAsync(Token);

        var received = Assert.Single(_smtp.Received);
        var s = await SignalementFixtures.ReadAsync(_factory, r.SignalementId);
        Assert.Equal(["crip@exemple.invalid"], received.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(received.Cc.Mailboxes);
        Assert.Equal($"Information préoccupante {s.Reference} — mineur(e) en risque de prostitution", received.Subject);
        Assert.Equal($"information-preoccupante-{s.Reference}.pdf", Assert.Single(received.Attachments).ContentDisposition!.FileName);
        Assert.Equal(SignalementStatus.Effectue, s.Status);
        var step = await _factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().SingleAsync(l => l.SignalementId == r.SignalementId));
        Assert.Equal(LegalStepKind.InformationPreoccupante, step.Kind);
        Assert.Equal(LegalDeadlines.DueAt(LegalStepKind.InformationPreoccupante, step.OccurredAt), step.DueAt);
        // An IP does not make the situation "signalée"; its deadline is on the situation and in Mes échéances.
        var situation = await _factory.WithDbAsync(db => db.Situations.AsNoTracking().SingleAsync(x => x.Id == r.SituationId));
        Assert.Equal(SituationStatus.EnEvaluation, situation.Status);
        Assert.Equal(step.DueAt, situation.NextDueAt);
        var deadlines = await Pages.GetDocumentAsync(r.Client, "/echeances");
        Assert.Contains("Fin de l'évaluation (3 mois)", deadlines.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Justice_follow_up_records_the_parquet_reference_and_the_steps_with_their_deadlines_in_mes_echeances()
    {
        var r = await SendingFixtures.ReadyAsync(_factory);
        var url = $"/signalements/{r.SignalementId}/suites";
        // Not before the signalement is effectué.
        var early = await Pages.PostFormAsync(r.Client, url, new() { ["Input.Reference"] = "P-26.123.456" }, "Reference");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SendingFixtures.SendAsync(_factory, r.Client, r.User, r.SignalementId)).StatusCode);
        await _factory.Dispatcher.RunOnceAsync(Token);

        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(r.Client, url, new() { ["Input.Reference"] = "P-26.123.456" }, "Reference")).StatusCode);
        var s = await SignalementFixtures.ReadAsync(_factory, r.SignalementId);
        Assert.DoesNotContain("123", s.ParquetReferenceEncrypted, StringComparison.Ordinal);
        Assert.Equal("P-26.123.456", (await Pages.GetDocumentAsync(r.Client, url)).Text("#parquet-reference"));

        string At(int minutesAgo) => Vigie.Web.Platform.Web.ParisTime.ToLocal(_factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-minutesAgo)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var bad = await Pages.PostFormAsync(r.Client, url, new() { ["Input.Kind"] = "Opp", ["Input.OccurredAt"] = "demain" }, "Step");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Equal("demain", (await Pages.ParseAsync(bad)).QuerySelector("#Input_OccurredAt")!.GetAttribute("value"));

        _factory.Clock.Advance(TimeSpan.FromMinutes(3)); // within the session's idle timeout
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(r.Client, url, new() { ["Input.Kind"] = "Opp", ["Input.OccurredAt"] = At(2) }, "Step")).StatusCode);
        var mine = await Pages.GetDocumentAsync(r.Client, "/echeances");
        Assert.Contains("Saisine du juge des enfants (8 jours)", mine.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(r.Client, url, new() { ["Input.Kind"] = "AudienceJugeEnfants", ["Input.OccurredAt"] = At(1) }, "Step")).StatusCode);
        var steps = await _factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().Where(l => l.SignalementId == r.SignalementId).ToListAsync());
        Assert.NotNull(steps.Single(l => l.Kind == LegalStepKind.Opp).CompletedAt);
        var saisine = steps.Single(l => l.Kind == LegalStepKind.AudienceJugeEnfants);
        Assert.Equal(LegalDeadlines.DueAt(LegalStepKind.AudienceJugeEnfants, saisine.OccurredAt), saisine.DueAt);
        mine = await Pages.GetDocumentAsync(r.Client, "/echeances");
        Assert.Contains("Audience du juge des enfants (15 jours après sa saisine)", mine.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("(8 jours)", mine.Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(r.Client, url, new() { ["Input.Kind"] = "AudienceTenue", ["Input.OccurredAt"] = At(0) }, "Step")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(r.Client, url, new() { ["Input.Kind"] = "EnqueteOuverte", ["Input.OccurredAt"] = At(0) }, "Step")).StatusCode);
        steps = await _factory.WithDbAsync(db => db.LegalSteps.AsNoTracking().Where(l => l.SignalementId == r.SignalementId).ToListAsync());
        Assert.NotNull(steps.Single(l => l.Kind == LegalStepKind.AudienceJugeEnfants).CompletedAt);
        Assert.Null(steps.Single(l => l.Kind == LegalStepKind.AudienceTenue).DueAt);
        Assert.Null(await _factory.WithDbAsync(db => db.Situations.Where(x => x.Id == r.SituationId).Select(x => x.NextDueAt).SingleAsync()));
        var page = await Pages.GetDocumentAsync(r.Client, url);
        Assert.Equal(5, page.QuerySelectorAll("#follow-up-steps tbody tr").Length); // the signalement itself and four follow-ups
        var timeline = await Pages.GetDocumentAsync(r.Client, $"/situations/{r.SituationId}/chronologie");
        Assert.Contains("Enquête ouverte par le parquet", timeline.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("référence du parquet enregistrée", timeline.Body!.TextContent, StringComparison.Ordinal);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _smtp.DisposeAsync();
    }
}
