using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Commission;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Observatoire.Extract;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Web;

namespace Vigie.Tests.Observatoire;

/// <summary>A Vigie whose pseudonym secret is a known value (bytes 1 to 32), so tests compute the keys by hand.</summary>
public sealed class KnownSecretFactory : VigieFactory
{
    public static readonly byte[] Secret = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Vigie:Observatoire:PseudonymKey"] = Convert.ToBase64String(Secret),
    };
}

/// <summary>A pseudonym secret that is not 32 bytes of base64: Vigie refuses to start.</summary>
public sealed class ShortSecretFactory : VigieFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Vigie:Observatoire:PseudonymKey"] = Convert.ToBase64String(new byte[16]),
    };
}

public sealed class PseudonymisedExtractTests(KnownSecretFactory factory) : IClassFixture<KnownSecretFactory>
{
    private const string Header =
        "cle;cle_complete;sexe;annee_naissance;age_reperage;annee_reperage;mois_reperage;annee_comptage;mois_comptage;territoire;niveau;" +
        "source_reperage;structure_familiale;rang_fratrie;violences_physiques;violences_sexuelles;fugues_12_mois;poly_fugue;proxenetisme;" +
        "rabattage;protection;scolarite;lieu_de_vie;mineur_non_accompagne;signalement;delai_signalement_jours;information_preoccupante;opp;" +
        "juge_des_enfants;presentations_commission;co_accompagnement;statut;motif_cloture";

    private static string Hmac(byte[] secret, string canonical) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(canonical)));

    [Theory]
    [InlineData("Zoé-Lou", "ZOELOU")]
    [InlineData("N'Diaye", "NDIAYE")]
    [InlineData("  Anaïs  Marie ", "ANAISMARIE")]
    [InlineData("Lefèvre-Dupont", "LEFEVREDUPONT")]
    [InlineData("Œdipe", "OEDIPE")]
    [InlineData("d’Artagnan", "DARTAGNAN")]
    [InlineData("", "")]
    public void Names_are_upper_case_without_accents_spaces_hyphens_or_apostrophes(string typed, string expected) =>
        Assert.Equal(expected, MinorPseudonym.Normalise(typed));

    [Theory]
    [InlineData("Marie Dupont-Durand", "Dupont-Durand")]
    [InlineData("  Awa   N'Diaye Sow ", "N'Diaye Sow")]
    [InlineData("Dupont", "")]
    [InlineData("", "")]
    public void The_mother_family_name_is_everything_after_the_first_word(string typed, string expected) =>
        Assert.Equal(expected, MinorPseudonym.FamilyNameOf(typed));

    [Fact]
    public void The_key_is_computed_over_first_name_month_year_and_mother_family_name()
    {
        Assert.Equal("ZOELOU|04/2010|DUPONTDURAND", MinorPseudonym.Canonical("Zoé-Lou", 4, 2010, "Dupont-Durand"));
        Assert.Equal(Hmac(KnownSecretFactory.Secret, "ZOELOU|04/2010|DUPONTDURAND"),
            new MinorPseudonym(KnownSecretFactory.Secret).Compute("Zoé-Lou", 4, 2010, "Dupont-Durand"));
    }

    [Fact]
    public async Task A_row_holds_the_hmac_key_and_the_statistical_variables_as_codes()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var id = await EvaluatedSituationAsync("Martin", "Zoé-Lou", new DateOnly(2010, 4, 2), "2021-03-15", "Marie Dupont-Durand");

        var (text, rows) = await DownloadAsync(coordination, "annee=2021");

        Assert.StartsWith("\uFEFF" + Header + "\r\n", text, StringComparison.Ordinal);
        var row = Assert.Single(rows);
        Assert.Equal(Hmac(KnownSecretFactory.Secret, "ZOELOU|04/2010|DUPONTDURAND"), row["cle"]);
        Assert.Equal("oui", row["cle_complete"]);
        Assert.Equal("F", row["sexe"]);
        Assert.Equal("2010", row["annee_naissance"]);
        // 04/2010 → 03/2021: 131 months, 10.9 years.
        Assert.Equal("10.9", row["age_reperage"]);
        Assert.Equal("2021", row["annee_reperage"]);
        Assert.Equal("3", row["mois_reperage"]);
        Assert.Equal("2021", row["annee_comptage"]);
        Assert.Equal("Lyon 8e", row["territoire"]);
        Assert.Equal("averee", row["niveau"]);
        Assert.Equal("etablissement", row["source_reperage"]);
        Assert.Equal("monoparentale_mere", row["structure_familiale"]);
        Assert.Equal("aine", row["rang_fratrie"]);
        Assert.Equal("suspecte", row["violences_physiques"]);
        Assert.Equal("inconnu", row["violences_sexuelles"]);
        Assert.Equal("4", row["fugues_12_mois"]);
        Assert.Equal("oui", row["poly_fugue"]);
        Assert.Equal("non", row["proxenetisme"]);
        Assert.Equal("oui", row["rabattage"]);
        Assert.Equal("placement_ase", row["protection"]);
        Assert.Equal("absenteisme", row["scolarite"]);
        Assert.Equal("mecs", row["lieu_de_vie"]);
        Assert.Equal("non", row["mineur_non_accompagne"]);
        Assert.Equal("non", row["signalement"]);
        Assert.Equal("", row["delai_signalement_jours"]);
        Assert.Equal("0", row["presentations_commission"]);
        Assert.Equal("aucun", row["co_accompagnement"]);
        Assert.Equal("en_evaluation", row["statut"]);
        Assert.Equal("", row["motif_cloture"]);
        Assert.NotEqual(Guid.Empty, id);
    }

    [Fact]
    public async Task Legal_steps_commission_and_co_accompaniment_are_counted()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var id = await EvaluatedSituationAsync("Bernard", "Inès", new DateOnly(2009, 11, 20), "2020-02-10", "Sophie Bernard");
        var at = new DateTime(2020, 3, 2, 9, 0, 0, DateTimeKind.Utc);
        await factory.WithDbAsync(async db =>
        {
            db.LegalSteps.Add(Step(id, LegalStepKind.InformationPreoccupante, at.AddDays(-10)));
            db.LegalSteps.Add(Step(id, LegalStepKind.Signalement, at));
            db.LegalSteps.Add(Step(id, LegalStepKind.Opp, at.AddDays(1)));
            db.LegalSteps.Add(Step(id, LegalStepKind.AudienceJugeEnfants, at.AddDays(5)));
            db.Accompaniments.Add(new Accompaniment { SituationId = id, Status = AccompanimentStatus.Refusee, ProposedAt = at, ProposedById = "fixture" });
            db.Accompaniments.Add(new Accompaniment { SituationId = id, Status = AccompanimentStatus.Acceptee, ProposedAt = at.AddDays(40), ProposedById = "fixture" });
            await db.SaveChangesAsync();
        });
        var held = await ActionFixtures.SessionAsync(factory, at.AddDays(20));
        var heldAgain = await ActionFixtures.SessionAsync(factory, at.AddDays(60));
        var cancelled = await ActionFixtures.SessionAsync(factory, at.AddDays(100), SessionStatus.Annulee);
        await ActionFixtures.ItemAsync(factory, held, id);
        await ActionFixtures.ItemAsync(factory, heldAgain, id, representation: true);
        await ActionFixtures.ItemAsync(factory, cancelled, id, representation: true);

        var (_, rows) = await DownloadAsync(coordination, "annee=2020");

        var row = Assert.Single(rows);
        Assert.Equal("oui", row["signalement"]);
        // Detected on 10 February, signalement on 2 March 2020.
        Assert.Equal("21", row["delai_signalement_jours"]);
        Assert.Equal("oui", row["information_preoccupante"]);
        Assert.Equal("oui", row["opp"]);
        Assert.Equal("oui", row["juge_des_enfants"]);
        Assert.Equal("2", row["presentations_commission"]);
        Assert.Equal("accepte", row["co_accompagnement"]);
    }

    [Fact]
    public async Task The_same_minor_in_two_organisations_gives_one_row_the_one_counted_first()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var birth = new DateOnly(2008, 9, 5);
        // Opened first but detected later: it is not the one counted first.
        await EvaluatedSituationAsync("Petit", "Maëlys", birth, "2019-06-20", "Nadia Petit", level: "en_risque");
        await EvaluatedSituationAsync("Petit", "Maëlys", birth, "2019-02-11", "Nadia Petit", level: "averee");
        await EvaluatedSituationAsync("Petit", "Maëlys", new DateOnly(2008, 10, 5), "2019-04-01", "Nadia Petit");

        var (_, rows) = await DownloadAsync(coordination, "annee=2019");

        Assert.Equal(2, rows.Count);
        var first = Assert.Single(rows, r => r["cle"] == Hmac(KnownSecretFactory.Secret, "MAELYS|09/2008|PETIT"));
        Assert.Equal("averee", first["niveau"]);
        Assert.Equal("2", first["mois_reperage"]);
        Assert.Single(rows, r => r["cle"] == Hmac(KnownSecretFactory.Secret, "MAELYS|10/2008|PETIT"));
    }

    [Fact]
    public async Task Without_a_mother_the_key_is_computed_with_an_empty_name_and_said_incomplete()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        await EvaluatedSituationAsync("Roux", "Léna", new DateOnly(2011, 1, 30), "2018-05-04", mother: null);
        // A holder recorded as the father does not count as the mother.
        await EvaluatedSituationAsync("Faure", "Jade", new DateOnly(2011, 2, 28), "2018-05-04", "Paul Faure", relation: "pere");

        var (_, rows) = await DownloadAsync(coordination, "annee=2018");

        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal("non", r["cle_complete"]));
        Assert.Contains(rows, r => r["cle"] == Hmac(KnownSecretFactory.Secret, "LENA|01/2011|"));
        Assert.Contains(rows, r => r["cle"] == Hmac(KnownSecretFactory.Secret, "JADE|02/2011|"));
    }

    [Fact]
    public async Task No_name_birth_date_or_free_text_ever_appears_in_the_file()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        await EvaluatedSituationAsync("Zyxwaldson", "Quetzalie", new DateOnly(2009, 7, 23), "2017-08-14", "Brunhilde Oxalysse");

        var (text, rows) = await DownloadAsync(coordination, "annee=2017");

        Assert.Single(rows);
        foreach (var canary in new[]
                 {
                     "Zyxwaldson", "Quetzalie", "Brunhilde", "Oxalysse", "2009-07-23", "23/07/2009", "07/2009", "Claire Dubois",
                     "Retours tardifs", "copain", "Mise en danger", "MECS Les Tilleuls",
                 })
        {
            Assert.DoesNotContain(canary, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Only_situations_counted_in_the_period_are_extracted()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        await EvaluatedSituationAsync("Garcia", "Lina", new DateOnly(2007, 3, 3), "2016-12-31", "Rosa Garcia");
        await EvaluatedSituationAsync("Garcia", "Nour", new DateOnly(2007, 5, 3), "2016-06-01", "Rosa Garcia");
        await EvaluatedSituationAsync("Garcia", "Sara", new DateOnly(2007, 6, 3), "2015-12-31", "Rosa Garcia");

        var (_, year) = await DownloadAsync(coordination, "annee=2016");
        var (_, range) = await DownloadAsync(coordination, "du=2016-06-02&au=2017-01-01");

        Assert.Equal(2, year.Count);
        Assert.Contains(year, r => r["cle"] == Hmac(KnownSecretFactory.Secret, "LINA|03/2007|GARCIA"));
        Assert.Contains(year, r => r["cle"] == Hmac(KnownSecretFactory.Secret, "NOUR|05/2007|GARCIA"));
        var only = Assert.Single(range);
        Assert.Equal(Hmac(KnownSecretFactory.Secret, "LINA|03/2007|GARCIA"), only["cle"]);
    }

    [Fact]
    public async Task Rows_are_read_page_by_page_and_a_minor_seen_on_two_pages_is_one_row()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var org = await factory.CreateOrganisationAsync();
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var index = factory.Services.GetRequiredService<BlindIndex>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        // 550 minors opened twice, the second time after all the first ones: their two situations are pages apart.
        var names = Enumerable.Range(0, 550).Select(i => $"{(char)('a' + (i / 26 % 26))}{(char)('a' + (i % 26))}{(char)('a' + (i / 676))}").ToList();
        await factory.WithDbAsync(async db =>
        {
            foreach (var name in names.Concat(names))
            {
                db.Situations.Add(Situation.Open(new MinorIdentity("Lot", "Prénom" + name, new DateOnly(2012, 6, 1)), Sex.Garcon, null, org, "fixture", cipher, index, now));
            }

            await db.SaveChangesAsync();
        });
        var today = DateOnly.FromDateTime(ParisTime.ToLocal(now)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (_, rows) = await DownloadAsync(coordination, $"du={today}&au={today}");

        Assert.Equal(550, rows.Count);
        Assert.Equal(550, rows.Select(r => r["cle"]).Distinct().Count());
        Assert.Contains(rows, r => r["cle"] == Hmac(KnownSecretFactory.Secret, "PRENOMAAA|06/2012|"));
        Assert.All(rows, r => Assert.Equal(("non", "M", "reperee", ""), (r["cle_complete"], r["sexe"], r["statut"], r["niveau"])));
        Assert.True(names.Count * 2 > 2 * PseudonymisedExtract.PageSize); // three pages of situations
    }

    [Fact]
    public async Task Download_needs_a_fresh_code_and_is_audited_with_the_period()
    {
        var observatoire = await factory.CreateUserAsync(Roles.Observatoire);
        var client = await factory.LoginAsync(observatoire);
        const string url = "/observatoire/extrait?handler=Fichier&du=2014-01-01&au=2014-06-30&format=csv";

        var first = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("/compte/confirmation?retour=" + Uri.EscapeDataString(url), first.Headers.Location!.OriginalString);
        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ActorId == observatoire.Id && e.RecordType == AuditRecordType.PseudonymisedExtract)));

        var confirmed = await Pages.ParseAsync(await Pages.PostFormAsync(client, first.Headers.Location.OriginalString, new() { ["Code"] = factory.NextCode(observatoire) }));
        Assert.Equal(url, confirmed.QuerySelector("a#continue")!.GetAttribute("href"));
        var file = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/csv", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal("vigie-extrait-pseudonymise-v1-2014-01-01_2014-06-30.csv", file.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.True(file.Headers.CacheControl!.NoStore);
        var entry = await factory.WithDbAsync(db => db.AuditEntries.SingleAsync(e => e.ActorId == observatoire.Id && e.RecordType == AuditRecordType.PseudonymisedExtract));
        Assert.Equal(AuditAction.Export, entry.Action);
        Assert.Equal("2014-01-01/2014-06-30", entry.RecordId);

        // Five minutes later, the code is asked again.
        factory.Clock.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_year_file_is_named_with_the_format_version_and_the_year()
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await StepUpAsync(coordination);

        var file = await client.GetAsync("/observatoire/extrait?handler=Fichier&annee=2013&format=csv");

        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("vigie-extrait-pseudonymise-v1-2013.csv", file.Content.Headers.ContentDisposition!.FileNameStar);
        Assert.Equal("\uFEFF" + Header + "\r\n", Encoding.UTF8.GetString(await file.Content.ReadAsByteArrayAsync()));
    }

    [Theory]
    [InlineData("annee=20x5", "annee", "L'année « 20x5 » n'est pas valide")]
    [InlineData("annee=1999", "annee", "L'année « 1999 » n'est pas valide")]
    [InlineData("du=hier&au=2024-01-01", "du", "La date de début « hier » n'est pas valide")]
    [InlineData("du=2024-05-01&au=2024-04-01", "au", "La date de fin précède la date de début.")]
    [InlineData("du=2024-05-01", "au", "Indiquez la date de fin de la période.")]
    [InlineData("annee=", "annee", "Indiquez l'année de l'extrait")]
    public async Task A_period_that_does_not_parse_gives_a_french_message_and_keeps_what_was_typed(string query, string field, string message)
    {
        var coordination = await factory.CreateUserAsync(Roles.Coordination);
        var client = await StepUpAsync(coordination);

        var page = await Pages.GetDocumentAsync(client, "/observatoire/extrait?handler=Fichier&format=csv&" + query);

        Assert.Contains(message, page.Text($"#{field}-error"), StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector($"#{field}")!.GetAttribute("aria-invalid"));
        foreach (var part in query.Split('&'))
        {
            var (name, value) = (part.Split('=')[0], Uri.UnescapeDataString(part.Split('=')[1]));
            Assert.Equal(value, page.QuerySelector($"#{name}")!.GetAttribute("value") ?? string.Empty);
        }

        Assert.False(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.ActorId == coordination.Id && e.RecordType == AuditRecordType.PseudonymisedExtract)));
    }

    [Fact]
    public async Task The_page_explains_what_the_extract_holds_and_offers_last_year()
    {
        var client = await factory.LoginAsync(Roles.Observatoire);

        var page = await Pages.GetDocumentAsync(client, "/observatoire/extrait");

        Assert.Equal("Extrait pseudonymisé", page.Text("h1"));
        Assert.Equal((DateTime.UtcNow.Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#annee")!.GetAttribute("value"));
        Assert.Contains("Aucun nom", page.Text("#excludes"), StringComparison.Ordinal);
        Assert.Equal(ExtractRow.Columns.Count, page.QuerySelectorAll("#columns code").Count(c => ExtractRow.Columns.Contains(c.TextContent)));
    }

    [Theory]
    [InlineData(Roles.Professionnel)]
    [InlineData(Roles.MembreCommission)]
    [InlineData(Roles.EquipeMobile)]
    [InlineData(Roles.Dpo)]
    [InlineData(Roles.Administrateur)]
    public async Task Other_roles_are_refused_the_page_and_the_file(string role)
    {
        var client = await factory.LoginAsync(role);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/observatoire/extrait")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/observatoire/extrait?handler=Fichier&annee=2020&format=csv")).StatusCode);
    }

    [Fact]
    public async Task Anonymous_is_sent_to_the_login_page()
    {
        var response = await factory.CreateBrowser().GetAsync("/observatoire/extrait?handler=Fichier&annee=2020");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/compte/connexion", response.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task Without_the_setting_the_secret_is_a_key_file_and_the_key_changes_with_it()
    {
        using var other = new VigieFactory();
        var org = await other.CreateOrganisationAsync();
        var professional = await other.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var id = await SituationFixtures.OpenAsync(other, org, "Martin", "Zoé-Lou", new DateOnly(2010, 4, 2));
        await EvaluateAsync(await other.LoginAsync(professional), id, "2021-03-15", "Marie Dupont-Durand", "mere", "averee");

        var (_, rows) = await DownloadAsync(other, await other.CreateUserAsync(Roles.Coordination), "annee=2021");

        var file = Path.Combine(other.Database.KeysFolder, MinorPseudonym.FileName);
        var secret = Convert.FromBase64String(await File.ReadAllTextAsync(file));
        Assert.Equal(32, secret.Length);
        var row = Assert.Single(rows);
        Assert.Equal(Hmac(secret, "ZOELOU|04/2010|DUPONTDURAND"), row["cle"]);
        Assert.NotEqual(Hmac(KnownSecretFactory.Secret, "ZOELOU|04/2010|DUPONTDURAND"), row["cle"]);
    }

    [Fact]
    public void A_pseudonym_secret_shorter_than_32_bytes_stops_the_start()
    {
        using var shortSecret = new ShortSecretFactory();

        var error = Assert.ThrowsAny<Exception>(() => shortSecret.Services);

        Assert.Contains("PseudonymKey must be base64 of at least 32 bytes", error.ToString(), StringComparison.Ordinal);
    }

    private static LegalStep Step(Guid situation, LegalStepKind kind, DateTime at) => new()
    {
        SituationId = situation, Kind = kind, OccurredAt = at, RecordedAt = at, RecordedById = "fixture", ResponsibleUserId = "fixture",
    };

    /// <summary>A situation of a new organisation whose trame one of its professionals fills in and validates through the pages.</summary>
    private async Task<Guid> EvaluatedSituationAsync(string lastName, string firstName, DateOnly birth, string detectedOn, string? mother,
        string relation = "mere", string level = "averee")
    {
        var org = await factory.CreateOrganisationAsync();
        var professional = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var id = await SituationFixtures.OpenAsync(factory, org, lastName, firstName, birth);
        await EvaluateAsync(await factory.LoginAsync(professional), id, detectedOn, mother, relation, level);
        return id;
    }

    private static async Task EvaluateAsync(HttpClient client, Guid id, string detectedOn, string? mother, string relation, string level)
    {
        var trame = TrameFixtures.Complete();
        trame[TrameSchema.Reperage]["date_reperage"] = detectedOn;
        trame[TrameSchema.Qualification]["niveau"] = level;
        if (mother is not null)
        {
            trame[TrameSchema.Administratif]["titulaire1_nom"] = mother;
            trame[TrameSchema.Administratif]["titulaire1_lien"] = relation;
            trame[TrameSchema.Administratif]["titulaire1_adresse"] = "12 rue des Canaris, Lyon";
        }

        await TrameFixtures.FillAsync(client, id, trame);
        var validated = await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation);
        Assert.True(validated.StatusCode == HttpStatusCode.Redirect, (await Pages.ParseAsync(validated)).Text("#form-errors"));
    }

    private Task<HttpClient> StepUpAsync(TestUser user) => StepUpAsync(factory, user);

    private static async Task<HttpClient> StepUpAsync(VigieFactory on, TestUser user)
    {
        var client = await on.LoginAsync(user);
        var confirmed = await Pages.PostFormAsync(client, "/compte/confirmation?retour=%2Fobservatoire%2Fextrait", new() { ["Code"] = on.NextCode(user) });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        return client;
    }

    private Task<(string Text, List<Dictionary<string, string>> Rows)> DownloadAsync(TestUser user, string query) => DownloadAsync(factory, user, query);

    /// <summary>Downloads the csv after a fresh code, and reads it back: the text (BOM included) and each row by column name.</summary>
    private static async Task<(string Text, List<Dictionary<string, string>> Rows)> DownloadAsync(VigieFactory on, TestUser user, string query)
    {
        var client = await StepUpAsync(on, user);
        var response = await client.GetAsync("/observatoire/extrait?handler=Fichier&format=csv&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(';');
        var rows = lines.Skip(1).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.All(rows, r => Assert.Equal(header.Length, r.Count));
        return (text, rows);
    }
}
