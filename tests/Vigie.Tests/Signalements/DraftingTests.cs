using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Signalements;

public sealed class DraftingTests(SignalementFactory factory) : IClassFixture<SignalementFactory>
{
    [Fact]
    public async Task A_draft_is_prefilled_from_the_current_evaluation_with_its_reference_recipients_and_first_author()
    {
        var e = await SignalementFixtures.EvaluatedAsync(factory, change: t =>
        {
            t[TrameSchema.Indicateurs]["argent_inexplique.commentaire"] = "Billets de 50 € dans le sac";
            t[TrameSchema.Indicateurs]["hotels"] = "suspecte";
            t[TrameSchema.Indicateurs]["cadeaux"] = "non_observe";
            t[TrameSchema.Actions] = new() { ["action_plainte_date"] = "2024-04-03", ["action_plainte_precision"] = "Commissariat du 8e" };
            t[TrameSchema.Analyse]["mesures"] = "opp";
        });

        var sid = await SignalementFixtures.DraftAsync(e.Client, e.SituationId);

        var s = await SignalementFixtures.ReadAsync(factory, sid);
        var year = ParisTime.ToLocal(factory.Clock.GetUtcNow().UtcDateTime).Year.ToString(CultureInfo.InvariantCulture);
        Assert.Matches($"^SIG-{year}-\\d{{6}}$", s.Reference);
        Assert.Equal(SignalementStatus.Brouillon, s.Status);
        Assert.Equal(1, s.EvaluationNumber);
        var content = SignalementFixtures.Content(factory, s);
        Assert.Contains("Retours tardifs, argent liquide.", content[SignalementContent.Faits], StringComparison.Ordinal);
        Assert.Contains("Date du repérage : 15/03/2024", content[SignalementContent.Faits], StringComparison.Ordinal);
        Assert.Equal("« Je gère, c'est mon copain qui m'aide. »", content[SignalementContent.Parole]);
        var indicators = content[SignalementContent.Indicateurs];
        Assert.Contains("Argent dont l'origine n'est pas expliquée : Avéré, observé pour la première fois le 10/02/2024 — Billets de 50 € dans le sac", indicators, StringComparison.Ordinal);
        Assert.Contains("Hôtels : Suspecté", indicators, StringComparison.Ordinal);
        Assert.DoesNotContain("Cadeaux", indicators, StringComparison.Ordinal);
        Assert.Contains("Structure familiale : Monoparentale (mère)", content[SignalementContent.Famille], StringComparison.Ordinal);
        Assert.Contains("Plainte, le 03/04/2024 : Commissariat du 8e", content[SignalementContent.Actions], StringComparison.Ordinal);
        Assert.Contains("Mise en danger avérée, emprise d'un adulte.", content[SignalementContent.Analyse], StringComparison.Ordinal);
        Assert.Contains("Ordonnance de placement provisoire (OPP)", content[SignalementContent.Mesures], StringComparison.Ordinal);
        // Encrypted at rest.
        Assert.DoesNotContain("copain", s.ContentEncrypted, StringComparison.Ordinal);

        // The default entry; placement ASE is administrative: no juge des enfants.
        var recipients = SignalementRecipient.FromJson(s.RecipientsJson);
        Assert.Equal([(RecipientRole.ParquetDesMineurs, false), (RecipientRole.Crip, true)], recipients.Select(r => (r.Role, r.Copy)));
        Assert.Equal("parquet-mineurs@exemple.invalid", recipients[0].Email);

        var author = Assert.Single(s.Authors);
        Assert.Equal((1, e.User.Id, e.User.Email), (author.Position, author.UserId, author.Email));
        Assert.StartsWith("Testeur Professionnel", author.Name, StringComparison.Ordinal);

        var page = await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}");
        Assert.Contains("parquet-mineurs@exemple.invalid", page.Text("#recipients"), StringComparison.Ordinal);
        Assert.Equal("Brouillon", page.Text("#signalement-status"));
        Assert.Equal(content[SignalementContent.Parole], ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.QuerySelector("#texte-parole")!).Value);
        var list = await Pages.GetDocumentAsync(e.Client, $"/situations/{e.SituationId}/signalements");
        Assert.Contains("Brouillon", list.Text($"#signalement-{sid}"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Create && a.RecordType == AuditRecordType.Signalement && a.RecordId == sid.ToString())));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Read && a.RecordType == AuditRecordType.Signalement && a.RecordId == sid.ToString())));

        // The next draft of the same kind and year takes the next number.
        var next = await SignalementFixtures.ReadAsync(factory, await SignalementFixtures.DraftAsync(e.Client, e.SituationId));
        Assert.True(string.CompareOrdinal(next.Reference, s.Reference) > 0);
    }

    [Fact]
    public async Task Recipients_follow_the_territory_and_the_juge_des_enfants_is_added_only_with_a_judicial_measure()
    {
        var judicial = await SignalementFixtures.EvaluatedAsync(factory, "villeurbanne", t => t[TrameSchema.Administratif]["protection"] = "placement_opp");
        var withJudge = await SignalementFixtures.ReadAsync(factory, await SignalementFixtures.DraftAsync(judicial.Client, judicial.SituationId));
        Assert.Equal(
            [(RecipientRole.ParquetDesMineurs, SignalementFactory.VilleurbanneParquet, false), (RecipientRole.JugeDesEnfants, SignalementFactory.VilleurbanneJudge, false),
                (RecipientRole.Crip, SignalementFactory.VilleurbanneCrip, true)],
            SignalementRecipient.FromJson(withJudge.RecipientsJson).Select(r => (r.Role, r.Email, r.Copy)));

        var ip = await SignalementFixtures.ReadAsync(factory, await SignalementFixtures.DraftAsync(judicial.Client, judicial.SituationId, SignalementKind.InformationPreoccupante));
        Assert.StartsWith("IP-", ip.Reference, StringComparison.Ordinal);
        var crip = Assert.Single(SignalementRecipient.FromJson(ip.RecipientsJson));
        Assert.Equal((RecipientRole.Crip, SignalementFactory.VilleurbanneCrip, false), (crip.Role, crip.Email, crip.Copy));

        var administrative = await SignalementFixtures.EvaluatedAsync(factory, "Villeurbanne");
        var without = await SignalementFixtures.ReadAsync(factory, await SignalementFixtures.DraftAsync(administrative.Client, administrative.SituationId));
        Assert.DoesNotContain(SignalementRecipient.FromJson(without.RecipientsJson), r => r.Role == RecipientRole.JugeDesEnfants);
    }

    [Fact]
    public async Task Any_change_to_the_text_or_the_authors_clears_every_validation_and_the_page_says_so()
    {
        var e = await SignalementFixtures.EvaluatedAsync(factory);
        var colleague = await factory.CreateUserAsync(Roles.Professionnel, organisationId: e.Organisation);
        var sid = await SignalementFixtures.DraftAsync(e.Client, e.SituationId);

        // Search by name, add the colleague.
        var search = await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}?auteur=Personne-Inconnue");
        Assert.Equal("Aucun compte ne correspond.", search.Text("#no-candidate"));
        var name = (await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == colleague.Id))).DisplayName;
        search = await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}?auteur={Uri.EscapeDataString(name.ToUpperInvariant())}");
        Assert.Contains(name, search.Text("#candidates"), StringComparison.Ordinal);
        var added = await SignalementFixtures.PostAsync(e.Client, sid, "AddAuthor", new() { ["userId"] = colleague.Id });
        Assert.True(added.StatusCode == HttpStatusCode.Redirect, (await Pages.ParseAsync(added)).Text("#form-errors li"));

        var colleagueClient = await factory.LoginAsync(colleague);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(e.Client, sid, "Validate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(colleagueClient, sid, "Validate")).StatusCode);
        var validated = await SignalementFixtures.ReadAsync(factory, sid);
        Assert.All(validated.Authors, a => Assert.NotNull(a.ValidatedAt));

        // Saving the same text keeps them.
        var page = await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}");
        var same = await SignalementFixtures.SaveAsync(e.Client, sid, SignalementFixtures.WithFunctions(page, []), page);
        Assert.Equal(HttpStatusCode.Redirect, same.StatusCode);
        // Functions were added: the authors changed, so the validations are cleared.
        var afterFunctions = await SignalementFixtures.ReadAsync(factory, sid);
        Assert.All(afterFunctions.Authors, a => Assert.Null(a.ValidatedAt));
        Assert.Contains("Les validations ont été effacées", (await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}")).Text(".notice--success"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(e.Client, sid, "Validate")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(colleagueClient, sid, "Validate")).StatusCode);
        var unchanged = await SignalementFixtures.SaveAsync(e.Client, sid, []);
        Assert.Equal(HttpStatusCode.Redirect, unchanged.StatusCode);
        Assert.All((await SignalementFixtures.ReadAsync(factory, sid)).Authors, a => Assert.NotNull(a.ValidatedAt));

        // One word changed in the facts: every validation goes.
        var changed = await SignalementFixtures.SaveAsync(colleagueClient, sid, new() { ["Input.Texts[faits]"] = "Retours tardifs." });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        var after = await SignalementFixtures.ReadAsync(factory, sid);
        Assert.All(after.Authors, a => Assert.Null(a.ValidatedAt));
        Assert.Equal("Retours tardifs.", SignalementFixtures.Content(factory, after)[SignalementContent.Faits]);

        // Removing an author clears them too.
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(e.Client, sid, "Validate")).StatusCode);
        var second = after.Authors.Single(a => a.UserId == colleague.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(e.Client, sid, "RemoveAuthor", new() { ["authorId"] = second.Id.ToString() })).StatusCode);
        var one = await SignalementFixtures.ReadAsync(factory, sid);
        Assert.Null(Assert.Single(one.Authors).ValidatedAt);

        // Only an author validates.
        Assert.Equal(HttpStatusCode.Forbidden, (await SignalementFixtures.PostAsync(colleagueClient, sid, "Validate")).StatusCode);
    }

    [Fact]
    public async Task Two_people_saving_at_once_the_second_is_told_and_keeps_what_they_typed()
    {
        var e = await SignalementFixtures.EvaluatedAsync(factory);
        var colleague = await factory.CreateUserAsync(Roles.Professionnel, organisationId: e.Organisation);
        var other = await factory.LoginAsync(colleague);
        var sid = await SignalementFixtures.DraftAsync(e.Client, e.SituationId);
        var mine = await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}");
        var theirs = await Pages.GetDocumentAsync(other, $"/signalements/{sid}");

        Assert.Equal(HttpStatusCode.Redirect,
            (await SignalementFixtures.SaveAsync(other, sid, SignalementFixtures.WithFunctions(theirs, new() { ["Input.Texts[analyse]"] = "Version de la collègue" }), theirs)).StatusCode);
        var response = await SignalementFixtures.SaveAsync(e.Client, sid, SignalementFixtures.WithFunctions(mine, new() { ["Input.Texts[analyse]"] = "Ma version, longuement rédigée" }), mine);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        Assert.Contains("a modifié ce signalement", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Ma version, longuement rédigée", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)page.QuerySelector("#texte-analyse")!).Value);
        Assert.Equal("Version de la collègue", SignalementFixtures.Content(factory, await SignalementFixtures.ReadAsync(factory, sid))[SignalementContent.Analyse]);

        // Saving again from the page replaces it, knowingly.
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.SaveAsync(e.Client, sid, [], page)).StatusCode);
        Assert.Equal("Ma version, longuement rédigée", SignalementFixtures.Content(factory, await SignalementFixtures.ReadAsync(factory, sid))[SignalementContent.Analyse]);
    }

    [Fact]
    public async Task A_100000_character_section_is_kept_a_longer_one_is_refused_but_shown_again_and_html_is_escaped()
    {
        var e = await SignalementFixtures.EvaluatedAsync(factory);
        var sid = await SignalementFixtures.DraftAsync(e.Client, e.SituationId);
        var page = await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}");
        Assert.Contains("100", page.Text("#draft-form .hint"), StringComparison.Ordinal);
        var longest = string.Concat(Enumerable.Repeat("Éléments rapportés. ", 5000)); // 100,000 characters
        Assert.Equal(SignalementContent.MaxLength, longest.Length);

        var saved = await SignalementFixtures.SaveAsync(e.Client, sid, SignalementFixtures.WithFunctions(page, new()
        {
            ["Input.Texts[faits]"] = longest,
            ["Input.Texts[parole]"] = "<script>alert('x')</script> « on m'a dit »",
        }), page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(longest, SignalementFixtures.Content(factory, await SignalementFixtures.ReadAsync(factory, sid))[SignalementContent.Faits]);

        var html = await (await e.Client.GetAsync($"/signalements/{sid}")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);

        var tooLong = await SignalementFixtures.SaveAsync(e.Client, sid, new() { ["Input.Texts[faits]"] = longest + "!" });
        Assert.Equal(HttpStatusCode.OK, tooLong.StatusCode);
        var refused = await Pages.ParseAsync(tooLong);
        Assert.Contains("100", refused.Text("#texte-faits-error"), StringComparison.Ordinal);
        Assert.Equal(longest + "!", ((AngleSharp.Html.Dom.IHtmlTextAreaElement)refused.QuerySelector("#texte-faits")!).Value);
        Assert.Equal(longest, SignalementFixtures.Content(factory, await SignalementFixtures.ReadAsync(factory, sid))[SignalementContent.Faits]);
    }

    [Fact]
    public async Task A_situation_without_a_validated_evaluation_cannot_be_drafted_from()
    {
        var (client, id, _) = await Situations.TrameFixtures.OpenAsync(factory);
        var page = await Pages.GetDocumentAsync(client, $"/situations/{id}/signalements");
        Assert.NotNull(page.QuerySelector("#no-evaluation"));
        var response = await Pages.PostFormAsync(client, $"/situations/{id}/signalements", [], "Signalement", $"/situations/{id}/trame");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Validez d'abord une évaluation", (await Pages.ParseAsync(response)).Text("#form-errors"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Signalements.AnyAsync(s => s.SituationId == id)));
    }
}
