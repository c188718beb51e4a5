using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Situations;

public sealed class TrameDraftTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    [Fact]
    public async Task A_draft_is_saved_read_back_stamped_and_audited()
    {
        var (client, id, user) = await TrameFixtures.OpenAsync(factory);

        var saved = await TrameFixtures.SaveAsync(client, id, TrameSchema.Reperage, new()
        {
            ["date_reperage"] = "2024-03-15", ["source"] = "sante", ["faits"] = "Vue à la gare avec un adulte.\nDeux fois.",
        });

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await Pages.GetDocumentAsync(client, TrameFixtures.SectionUrl(id, TrameSchema.Reperage));
        Assert.Equal("2024-03-15", page.QuerySelector("#champ-date_reperage")!.GetAttribute("value"));
        Assert.Equal("sante", page.QuerySelector("#champ-source option[selected]")!.GetAttribute("value"));
        Assert.Equal("Vue à la gare avec un adulte.\nDeux fois.", page.QuerySelector("#champ-faits")!.TextContent);
        Assert.Contains("Brouillon enregistré le", page.Text("#draft-stamp"), StringComparison.Ordinal);
        Assert.Contains($"par Testeur {Roles.Professionnel}", page.Text("#draft-stamp"), StringComparison.Ordinal);

        var overview = await Pages.GetDocumentAsync(client, $"/situations/{id}/trame");
        var row = overview.QuerySelector("tr[data-section=reperage]")!.TextContent;
        Assert.Contains("Brouillon enregistré le", row, StringComparison.Ordinal);
        Assert.Contains("Complète", row, StringComparison.Ordinal);
        Assert.Contains("Vide", overview.QuerySelector("tr[data-section=famille]")!.TextContent, StringComparison.Ordinal);

        var entries = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorId == user.Id && e.RecordType == AuditRecordType.Situation).Select(e => new { e.Action, e.RecordId }).ToListAsync());
        Assert.Contains(entries, e => e.Action == AuditAction.Update && e.RecordId == $"{id}#trame:reperage");
        Assert.Contains(entries, e => e.Action == AuditAction.Read && e.RecordId == $"{id}#trame:reperage");
        Assert.Contains(entries, e => e.Action == AuditAction.Read && e.RecordId == $"{id}#trame");
    }

    [Fact]
    public async Task An_invalid_value_is_kept_in_the_draft_and_explained_beside_its_field()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);

        var response = await TrameFixtures.SaveAsync(client, id, TrameSchema.Famille, new()
        {
            ["fratrie_nombre"] = "douze", ["parents_informes_date"] = "31/02/2020", ["structure_familiale"] = "recomposee",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        var number = page.QuerySelector("#champ-fratrie_nombre")!;
        Assert.Equal("douze", number.GetAttribute("value"));
        Assert.Equal("true", number.GetAttribute("aria-invalid"));
        Assert.Contains("doit être un nombre entier entre 1 et 30", page.GetElementById(number.GetAttribute("aria-describedby")!)!.TextContent, StringComparison.Ordinal);
        var date = page.QuerySelector("#champ-parents_informes_date")!;
        Assert.Equal("31/02/2020", date.GetAttribute("value"));
        Assert.Equal("text", date.GetAttribute("type")); // a date input would drop what cannot be parsed
        Assert.Contains("n'est pas une date valide", page.Text("#champ-parents_informes_date-error"), StringComparison.Ordinal);
        Assert.Contains("Violences intrafamiliales : Violences physiques", page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Contains("Brouillon enregistré", page.Text("[role=status]"), StringComparison.Ordinal);

        // Saved as typed: a later visit finds the same values, and the overview counts what is wrong.
        var again = await Pages.GetDocumentAsync(client, TrameFixtures.SectionUrl(id, TrameSchema.Famille));
        Assert.Equal("douze", again.QuerySelector("#champ-fratrie_nombre")!.GetAttribute("value"));
        Assert.Null(again.QuerySelector("[aria-invalid=true]")); // a plain visit does not shout
        var overview = await Pages.GetDocumentAsync(client, $"/situations/{id}/trame");
        Assert.Contains("À compléter : 4 erreurs", overview.QuerySelector("tr[data-section=famille]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detection_before_birth_and_dates_in_the_future_are_refused()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        var tomorrow = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime).AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await Pages.ParseAsync(await TrameFixtures.SaveAsync(client, id, TrameSchema.Reperage, new()
        {
            ["date_reperage"] = "2009-12-31", ["faits_date"] = tomorrow, ["source"] = "ase", ["faits"] = "x",
        }));

        Assert.Equal("« Repérage : Date du repérage » ne peut pas précéder la date de naissance du mineur (02/04/2010).", page.Text("#champ-date_reperage-error"));
        Assert.Equal("« Faits : Date des faits » ne peut pas être dans le futur.", page.Text("#champ-faits_date-error"));
        Assert.Equal(tomorrow, page.QuerySelector("#champ-faits_date")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Long_text_is_accepted_up_to_100000_characters_kept_beyond_and_refused_past_the_hard_cap()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        var url = TrameFixtures.SectionUrl(id, TrameSchema.Analyse);

        var exact = new string('é', TrameSchema.LongTextMax);
        var accepted = await TrameFixtures.SaveAsync(client, id, TrameSchema.Analyse, new() { ["analyse"] = exact });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(exact, (await Pages.GetDocumentAsync(client, url)).QuerySelector("#champ-analyse")!.TextContent);

        var over = exact + "x";
        var tooLong = await Pages.ParseAsync(await TrameFixtures.SaveAsync(client, id, TrameSchema.Analyse, new() { ["analyse"] = over }));
        Assert.Equal($"« Analyse du professionnel » fait {100_001.ToString("N0", French)} caractères ; la limite est de {100_000.ToString("N0", French)}.",
            tooLong.Text("#champ-analyse-error"));
        Assert.Equal(over, tooLong.QuerySelector("#champ-analyse")!.TextContent);
        Assert.Equal(over, (await Pages.GetDocumentAsync(client, url)).QuerySelector("#champ-analyse")!.TextContent); // kept in the draft

        var huge = new string('a', TrameSchema.HardCap + 1);
        var refused = await TrameFixtures.SaveAsync(client, id, TrameSchema.Analyse, new() { ["analyse"] = huge });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = await Pages.ParseAsync(refused);
        Assert.Contains("le brouillon n'a pas été enregistré", refusedPage.Text("#champ-analyse-error"), StringComparison.Ordinal);
        Assert.Equal(huge, refusedPage.QuerySelector("#champ-analyse")!.TextContent); // still on screen, to shorten
        Assert.Equal(over, (await Pages.GetDocumentAsync(client, url)).QuerySelector("#champ-analyse")!.TextContent); // the draft is untouched
    }

    [Fact]
    public async Task A_value_beyond_the_form_limits_is_refused_with_a_message_not_a_500()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        var page = await Pages.GetDocumentAsync(client, TrameFixtures.SectionUrl(id, TrameSchema.Analyse));

        var response = await TrameFixtures.PostAsync(client, TrameFixtures.SectionUrl(id, TrameSchema.Analyse), page,
            new() { ["analyse"] = new string('a', SectionModel.FormValueLimit + 10) });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("trop volumineux", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_typed_in_every_text_field_is_shown_escaped()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        static string Markup(string key) => $"<script>alert(1)</script><i>{key}</i>";

        foreach (var section in TrameSchema.Sections)
        {
            var cells = section.Cells.Where(c => c.IsText).ToList();
            if (cells.Count == 0)
            {
                continue;
            }

            var values = cells.ToDictionary(c => c.Key, c => Markup(c.Key));
            foreach (var indicator in section.Fields.Where(f => f.Kind == FieldKind.Indicator))
            {
                values[indicator.Key] = "suspecte";
            }

            var saved = await TrameFixtures.SaveAsync(client, id, section.Key, values);
            var html = await saved.Content.ReadAsStringAsync();
            if (saved.StatusCode == HttpStatusCode.Redirect)
            {
                html = await client.GetStringAsync(TrameFixtures.SectionUrl(id, section.Key));
            }

            AssertEscaped(html, cells.Select(c => c.Key));
        }

        var overview = await client.GetStringAsync($"/situations/{id}/trame");
        AssertEscaped(overview, ["auteur1_nom"]); // the authors listed above the validation form
    }

    internal static void AssertEscaped(string html, IEnumerable<string> keys)
    {
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);
        foreach (var key in keys)
        {
            Assert.DoesNotContain($"<i>{key}</i>", html, StringComparison.Ordinal);
            Assert.Contains($"&lt;i&gt;{key}&lt;/i&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Someone_else_saving_meanwhile_is_reported_and_the_typed_values_are_kept()
    {
        var (mine, id, user) = await TrameFixtures.OpenAsync(factory);
        var colleague = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Coordination));
        var url = TrameFixtures.SectionUrl(id, TrameSchema.Analyse);
        var opened = await Pages.GetDocumentAsync(mine, url);

        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.SaveAsync(colleague, id, TrameSchema.Analyse, new() { ["analyse"] = "Version de la coordination" })).StatusCode);
        var conflict = await Pages.ParseAsync(await TrameFixtures.PostAsync(mine, url, opened, new() { ["analyse"] = "Ma version" }));

        Assert.Contains("a enregistré cette section", conflict.Text("#conflict"), StringComparison.Ordinal);
        Assert.Equal("Ma version", conflict.QuerySelector("#champ-analyse")!.TextContent);
        Assert.Equal("Version de la coordination", (await Pages.GetDocumentAsync(colleague, url)).QuerySelector("#champ-analyse")!.TextContent);

        // Saving again from the page that reported the conflict replaces the other version knowingly.
        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.PostAsync(mine, url, conflict, new() { ["analyse"] = "Ma version" })).StatusCode);
        Assert.Equal("Ma version", (await Pages.GetDocumentAsync(colleague, url)).QuerySelector("#champ-analyse")!.TextContent);
        Assert.Equal(user.Id, await factory.WithDbAsync(db => db.TrameDrafts.Where(d => d.SituationId == id).Select(d => d.UpdatedById).SingleAsync()));
    }

    [Fact]
    public async Task The_database_never_holds_the_minors_words_or_free_text_in_clear()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        var trame = TrameFixtures.Complete();
        trame[TrameSchema.Reperage]["parole"] = "« Canariparolix m'a dit de venir. »";
        trame[TrameSchema.Analyse]["analyse"] = "Canarianalysor";
        trame[TrameSchema.Indicateurs]["argent_inexplique.commentaire"] = "Canaricommentus";
        await TrameFixtures.FillAsync(client, id, trame);
        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation)).StatusCode);
        // And a new draft after the evaluation, so both tables hold the canaries.
        await TrameFixtures.FillAsync(client, id, new() { [TrameSchema.Reperage] = trame[TrameSchema.Reperage] });

        string[] canaries = ["Canariparolix", "Canarianalysor", "Canaricommentus", "Claire Dubois"];
        // The SQLite file and its WAL, or a full pg_dump of the PostgreSQL database.
        var bytes = await RawStore.ReadAsync(factory);
        Assert.NotEmpty(bytes);
        foreach (var canary in canaries)
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)));
        }

        Assert.NotEqual(-1, bytes.AsSpan().IndexOf("\"averee\""u8)); // statistical choices stay in clear
    }

    [Fact]
    public async Task A_closed_situation_shows_its_trame_read_only_and_saves_nothing()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        var url = TrameFixtures.SectionUrl(id, TrameSchema.Analyse);
        var opened = await Pages.GetDocumentAsync(client, url);
        await factory.WithDbAsync(async db =>
        {
            var situation = await db.Situations.SingleAsync(s => s.Id == id);
            situation.Close(ClosureReason.Majorite, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });

        var page = await Pages.GetDocumentAsync(client, url);
        Assert.Contains("clôturée", page.Text("#closed-notice"), StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form.trame-form"));
        Assert.Null((await Pages.GetDocumentAsync(client, $"/situations/{id}/trame")).QuerySelector("#validation"));

        var refused = await Pages.ParseAsync(await TrameFixtures.PostAsync(client, url, opened, new() { ["analyse"] = "Après clôture" }));
        Assert.Contains("ne peut plus être modifiée", refused.Text("#form-errors"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.TrameDrafts.AnyAsync(d => d.SituationId == id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.RecordId == $"{id}#trame:analyse" && e.Action == AuditAction.Update && e.Outcome == AuditOutcome.Denied)));

        var validation = await Pages.PostAsync(client, $"/situations/{id}/trame", new() { ["v.date_validation"] = "2024-06-01", ["jeton"] = "" },
            opened.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!, "Validate");
        Assert.Contains("aucune évaluation ne peut être validée", (await Pages.ParseAsync(validation)).Text("#conflict"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.SituationId == id)));
    }
}
