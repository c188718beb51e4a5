using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Signalements;

/// <summary>A signalement is visible exactly when its situation is; emergency access reads only.</summary>
public sealed class SignalementScopeTests(SignalementFactory factory) : IClassFixture<SignalementFactory>
{
    private static string[] Pages_(Guid situationId, Guid sid) =>
        [$"/situations/{situationId}/signalements", $"/signalements/{sid}", $"/signalements/{sid}/preuve", $"/signalements/{sid}/suites", $"/signalements/{sid}/apercu"];

    [Fact]
    public async Task Another_organisation_gets_404_coordination_sees_and_an_emergency_access_reads_without_changing()
    {
        var e = await SignalementFixtures.EvaluatedAsync(factory);
        var sid = await SignalementFixtures.DraftAsync(e.Client, e.SituationId);

        var outsider = await factory.LoginAsync(Roles.Professionnel);
        foreach (var url in Pages_(e.SituationId, sid))
        {
            Assert.True((await outsider.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }

        var coordination = await factory.LoginAsync(Roles.Coordination);
        foreach (var url in Pages_(e.SituationId, sid))
        {
            Assert.True((await coordination.GetAsync(url)).StatusCode == HttpStatusCode.OK, url);
        }

        // A forged post from the outsider: 404 as for a signalement that does not exist.
        var token = await Pages.TokenAsync(outsider, "/situations");
        Assert.Equal(HttpStatusCode.NotFound, (await Pages.PostAsync(outsider, $"/signalements/{sid}", new() { ["Input.Version"] = "0" }, token, "Validate")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Pages.PostAsync(outsider, $"/situations/{e.SituationId}/signalements", [], token, "Signalement")).StatusCode);

        var emergencyUser = await factory.CreateUserAsync(Roles.Professionnel);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            db.EmergencyAccesses.Add(new EmergencyAccess { SituationId = e.SituationId, UserId = emergencyUser.Id, JustificationEncrypted = "x", GrantedAt = now, ExpiresAt = now.AddHours(24) });
            await db.SaveChangesAsync();
        });
        var emergency = await factory.LoginAsync(emergencyUser);
        var page = await Pages.GetDocumentAsync(emergency, $"/signalements/{sid}");
        Assert.NotNull(page.QuerySelector("#read-only-notice"));
        Assert.Null(page.QuerySelector("#draft-form"));
        Assert.Null((await Pages.GetDocumentAsync(emergency, $"/situations/{e.SituationId}/signalements")).QuerySelector("#rediger-signalement"));
        token = await Pages.TokenAsync(emergency, $"/signalements/{sid}");
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(emergency, $"/signalements/{sid}", new() { ["Input.Version"] = "0", ["Input.Texts[faits]"] = "x" }, token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(emergency, $"/situations/{e.SituationId}/signalements", [], token, "Signalement")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Pages.PostAsync(emergency, $"/signalements/{sid}/suites", new() { ["Input.Reference"] = "x" }, token, "Reference")).StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Signalements.CountAsync(s => s.SituationId == e.SituationId)));

        // Every read is audited with the page it was (no content).
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.RecordType == AuditRecordType.SignalementPreview && a.RecordId == sid.ToString())));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.RecordType == AuditRecordType.SignalementProof && a.RecordId == sid.ToString())));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.RecordType == AuditRecordType.SituationSignalements && a.RecordId == e.SituationId.ToString())));
    }

    [Fact]
    public async Task The_preview_is_a_pdf_marked_as_a_draft()
    {
        var e = await SignalementFixtures.EvaluatedAsync(factory);
        var sid = await SignalementFixtures.DraftAsync(e.Client, e.SituationId);
        var response = await e.Client.GetAsync($"/signalements/{sid}/apercu");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        foreach (var page in pdf.GetPages())
        {
            Assert.Contains("PROJET—nonenvoyé", string.Concat(page.Text.Where(c => !char.IsWhiteSpace(c))), StringComparison.Ordinal);
        }

        var signalement = await SignalementFixtures.ReadAsync(factory, sid);
        Assert.Equal(SignalementStatus.Brouillon, signalement.Status);
        Assert.Null(signalement.PdfEncrypted);
    }
}
