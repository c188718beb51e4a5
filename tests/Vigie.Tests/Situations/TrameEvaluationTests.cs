using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Situations;

public sealed class TrameEvaluationTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public async Task Validation_lists_what_is_missing_then_freezes_evaluation_1_with_its_statistics()
    {
        var (client, id, user) = await TrameFixtures.OpenAsync(factory);

        var blocked = await TrameFixtures.ValidateAsync(client, id, new() { ["date_validation"] = "2024-06-01" });

        Assert.Equal(HttpStatusCode.OK, blocked.StatusCode);
        var page = await Pages.ParseAsync(blocked);
        var blockers = page.QuerySelector("#blockers")!;
        Assert.Contains("L'évaluation n'est pas validée", blockers.TextContent, StringComparison.Ordinal);
        var links = blockers.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/situations/{id}/trame/reperage?verifier=1#champ-date_reperage", links);
        Assert.Contains($"/situations/{id}/trame/en-tete?verifier=1#champ-auteur1_nom", links);
        Assert.Contains("#champ-auteurs_confirment", links);
        Assert.Contains("« Auteurs qui confirment l'évaluation » est à renseigner", page.Text("#champ-auteurs_confirment-error"), StringComparison.Ordinal);
        Assert.Equal("2024-06-01", page.QuerySelector("#champ-date_validation")!.GetAttribute("value")); // kept as typed
        Assert.False(await factory.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.SituationId == id)));
        // The link leads to the section with its messages shown.
        var section = await Pages.GetDocumentAsync(client, $"/situations/{id}/trame/reperage?verifier=1");
        Assert.Equal("true", section.QuerySelector("#champ-date_reperage")!.GetAttribute("aria-invalid"));

        await TrameFixtures.FillAsync(client, id, TrameFixtures.Complete());
        var validated = await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation);

        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        Assert.Equal($"/situations/{id}/evaluations/1", validated.Headers.Location!.OriginalString);
        var evaluation = await factory.WithDbAsync(db => db.Evaluations.AsNoTracking().SingleAsync(e => e.SituationId == id));
        Assert.Equal(1, evaluation.Number);
        Assert.Equal(user.Id, evaluation.ValidatedById);
        Assert.Equal(QualificationLevel.Averee, evaluation.Level);
        Assert.Equal(new DateOnly(2024, 3, 15), evaluation.DetectedOn);
        Assert.Equal("etablissement", evaluation.DetectionSource);
        Assert.Equal("monoparentale_mere", evaluation.FamilyStructure);
        Assert.Equal("suspecte", evaluation.PhysicalViolence);
        Assert.Equal("inconnu", evaluation.SexualViolence);
        Assert.Equal("aine", evaluation.SiblingRank);
        Assert.Equal(4, evaluation.RunawaysLast12Months);
        Assert.True(evaluation.PolyRunaway); // 4 runaways, default threshold 3
        Assert.False(evaluation.Proxenetisme);
        Assert.True(evaluation.Rabattage);
        Assert.Equal("placement_ase", evaluation.Protection);
        Assert.Equal("absenteisme", evaluation.Schooling);
        Assert.Equal("mecs", evaluation.LivingPlace);
        Assert.False(evaluation.UnaccompaniedMinor);

        var situation = await factory.WithDbAsync(db => db.Situations.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(1, situation.EvaluationCount);
        Assert.Equal(QualificationLevel.Averee, situation.Level);
        Assert.Equal(new DateOnly(2024, 3, 15), situation.DetectedOn);
        Assert.Equal(SituationStatus.EnEvaluation, situation.Status);
        var events = await factory.WithDbAsync(db => db.SituationEvents.AsNoTracking().Where(e => e.SituationId == id).ToListAsync());
        Assert.Contains(events, e => e.Kind == SituationEventKind.EvaluationValidated && e.Detail == "1" && e.ActorId == user.Id);
        Assert.False(await factory.WithDbAsync(db => db.TrameDrafts.AnyAsync(d => d.SituationId == id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create && e.RecordId == $"{id}#evaluation:1" && e.Outcome == AuditOutcome.Success)));

        // The version, read-only, with every section and the validation details.
        var version = await Pages.GetDocumentAsync(client, $"/situations/{id}/evaluations/1");
        Assert.Contains("L'évaluation n° 1 est validée.", version.Text("[role=status]"), StringComparison.Ordinal);
        Assert.Contains("Prostitution avérée", version.Text("#evaluation-facts"), StringComparison.Ordinal);
        Assert.Contains("« Je gère, c'est mon copain qui m'aide. »", version.Text("section[aria-labelledby=section-reperage]"), StringComparison.Ordinal);
        Assert.Contains("15/03/2024", version.Text("section[aria-labelledby=section-reperage]"), StringComparison.Ordinal);
        Assert.Contains("Argent dont l'origine n'est pas expliquée", version.Text(".indicators-table"), StringComparison.Ordinal);
        Assert.Contains("Avéré", version.Text(".indicators-table"), StringComparison.Ordinal);
        Assert.Null(version.QuerySelector("main form"));
        var list = await Pages.GetDocumentAsync(client, $"/situations/{id}/evaluations");
        Assert.Contains($"Testeur {Roles.Professionnel}", list.Text("#evaluations"), StringComparison.Ordinal);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.RecordId == $"{id}#evaluation:1")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.RecordId == $"{id}#evaluations")));

        // The file's page names the current evaluation and links to it.
        var fiche = await Pages.GetDocumentAsync(client, $"/situations/{id}");
        Assert.Contains("Évaluation n° 1 — Prostitution avérée, repérage le 15/03/2024",
            System.Text.RegularExpressions.Regex.Replace(fiche.Text(".facts"), @"\s+", " "), StringComparison.Ordinal);
        Assert.NotNull(fiche.QuerySelector($".facts a[href='/situations/{id}/evaluations/1']"));
    }

    [Fact]
    public async Task A_second_evaluation_edits_the_first_and_the_comparison_shows_only_what_changed()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        await TrameFixtures.FillAsync(client, id, TrameFixtures.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation)).StatusCode);

        // The sections start from evaluation 1.
        var section = await Pages.GetDocumentAsync(client, TrameFixtures.SectionUrl(id, TrameSchema.Qualification));
        Assert.Contains("reprises de l'évaluation n° 1", section.Text("#draft-stamp"), StringComparison.Ordinal);
        Assert.Equal("averee", section.QuerySelector("#champ-niveau option[selected]")!.GetAttribute("value"));
        var values = new Dictionary<string, string>(TrameFixtures.Complete()[TrameSchema.Qualification]) { ["niveau"] = "en_risque" };
        await TrameFixtures.FillAsync(client, id, new() { [TrameSchema.Qualification] = values });
        var validated = await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation);
        Assert.Equal($"/situations/{id}/evaluations/2", validated.Headers.Location!.OriginalString);

        var compare = await Pages.GetDocumentAsync(client, $"/situations/{id}/evaluations/comparer?de=1&a=2");
        var rows = compare.QuerySelectorAll(".compare-table tbody tr");
        var row = Assert.Single(rows);
        Assert.Equal("niveau", row.GetAttribute("data-field"));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Prostitution avérée", "En risque de prostitution"], cells);
        Assert.Equal("5. Qualification", compare.Text("#diff-qualification"));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.RecordId == $"{id}#comparaison:1-2")));

        var situation = await factory.WithDbAsync(db => db.Situations.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(2, situation.EvaluationCount);
        Assert.Equal(QualificationLevel.EnRisque, situation.Level);
        var list = await Pages.GetDocumentAsync(client, $"/situations/{id}/evaluations");
        Assert.Equal(2, list.QuerySelectorAll("#evaluations tbody tr").Length);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/situations/{id}/evaluations/3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/situations/{id}/evaluations/comparer?de=1&a=7")).StatusCode);
    }

    [Fact]
    public async Task Markup_in_every_text_field_is_escaped_in_the_version_and_the_comparison()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        await TrameFixtures.FillAsync(client, id, TrameFixtures.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation)).StatusCode);

        // Every text cell except phones and e-mails (whose format check would block the validation) holds markup.
        var marked = new List<string>();
        var trame = TrameFixtures.Complete();
        foreach (var section in TrameSchema.Sections)
        {
            var values = trame.TryGetValue(section.Key, out var v) ? v : trame[section.Key] = [];
            foreach (var cell in section.Cells.Where(c => c.IsText && c.Field.Format == TextFormat.Free))
            {
                values[cell.Key] = $"<script>alert(1)</script><i>{cell.Key}</i>";
                marked.Add(cell.Key);
                if (cell.Part == CellPart.IndicatorComment)
                {
                    values[cell.Field.Key] = "suspecte";
                }
            }
        }

        await TrameFixtures.FillAsync(client, id, trame.Where(s => s.Value.Count > 0).ToDictionary());
        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation)).StatusCode);

        TrameDraftTests.AssertEscaped(await client.GetStringAsync($"/situations/{id}/evaluations/2"), marked);
        TrameDraftTests.AssertEscaped(await client.GetStringAsync($"/situations/{id}/evaluations/comparer?de=1&a=2"), marked);
        Assert.True(marked.Count > 60, $"{marked.Count} champs texte seulement");
    }

    [Fact]
    public async Task A_professional_of_another_organisation_gets_404_on_every_trame_route()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        await TrameFixtures.FillAsync(client, id, TrameFixtures.Complete());
        Assert.Equal(HttpStatusCode.Redirect, (await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation)).StatusCode);
        var outsider = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel));
        var token = await Pages.TokenAsync(outsider, "/compte/mot-de-passe");

        string[] routes =
        [
            $"/situations/{id}/trame", .. TrameSchema.Sections.Select(s => TrameFixtures.SectionUrl(id, s.Key)),
            $"/situations/{id}/evaluations", $"/situations/{id}/evaluations/1", $"/situations/{id}/evaluations/comparer?de=1&a=1",
        ];
        foreach (var route in routes)
        {
            Assert.True((await outsider.GetAsync(route)).StatusCode == HttpStatusCode.NotFound, route);
        }

        var post = await Pages.PostAsync(outsider, TrameFixtures.SectionUrl(id, TrameSchema.Analyse), new() { ["v.analyse"] = "Intrusion", ["jeton"] = "" }, token);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        var validate = await Pages.PostAsync(outsider, $"/situations/{id}/trame", new() { ["v.date_validation"] = "2024-06-01", ["jeton"] = "" }, token, "Validate");
        Assert.Equal(HttpStatusCode.NotFound, validate.StatusCode);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Evaluations.CountAsync(e => e.SituationId == id)));
        Assert.False(await factory.WithDbAsync(db => db.TrameDrafts.AnyAsync(d => d.SituationId == id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/situations/{id}/trame/inconnue")).StatusCode);

        var coordination = await factory.LoginAsync(Roles.Coordination);
        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync($"/situations/{id}/evaluations/1")).StatusCode);
    }

    [Fact]
    public async Task The_confirming_authors_must_be_in_the_header_and_validation_not_before_detection()
    {
        var (client, id, _) = await TrameFixtures.OpenAsync(factory);
        await TrameFixtures.FillAsync(client, id, TrameFixtures.Complete());

        var page = await Pages.ParseAsync(await TrameFixtures.ValidateAsync(client, id, new() { ["date_validation"] = "2024-03-01", ["auteurs_confirment"] = "auteur2" }));

        Assert.Equal("L'auteur 2 n'est pas renseigné dans l'en-tête.", page.Text("#champ-auteurs_confirment-error"));
        Assert.Equal("La date de validation ne peut pas précéder la date du repérage.", page.Text("#champ-date_validation-error"));
        Assert.True(page.QuerySelector("#champ-auteurs_confirment-auteur2")!.HasAttribute("checked"));
        Assert.Equal("Auteur 2 (non indiqué dans l'en-tête)", page.Text("label[for=champ-auteurs_confirment-auteur2]"));
        Assert.StartsWith("Auteur 1 : ", page.Text("label[for=champ-auteurs_confirment-auteur1]"), StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.SituationId == id)));
    }
}
