using System.Net;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Annuaire;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Annuaire;

public sealed class AnnuairePagesTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static Dictionary<string, string> EntryForm(string? name, DirectoryKind? kind, params (string Key, string Value)[] more)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name ?? string.Empty,
            ["Input.Kind"] = kind?.ToString() ?? string.Empty,
            ["Input.Membership"] = nameof(CommissionMembership.Aucun),
        };
        foreach (var (key, value) in more)
        {
            form[key] = value;
        }

        return form;
    }

    private async Task<Guid> AddEntryAsync(string name, DirectoryKind kind, string? territory, string? description = null, params ContactDetails[] contacts)
    {
        var entry = DirectoryEntry.Create(new DirectoryDetails(name, kind, null, description, null, null, null, null, territory, null, CommissionMembership.Aucun),
            contacts, factory.Clock.GetUtcNow().UtcDateTime, "test");
        await factory.WithDbAsync(async db =>
        {
            db.DirectoryEntries.Add(entry);
            await db.SaveChangesAsync();
        });
        return entry.Id;
    }

    private static List<string> Names(AngleSharp.Html.Dom.IHtmlDocument page) =>
        [.. page.QuerySelectorAll("#fiches h2").Select(h => h.TextContent.Trim())];

    [Fact]
    public async Task Administrateur_describes_an_organisation_with_its_contacts_and_every_role_reads_the_entry()
    {
        var organisation = await factory.CreateOrganisationAsync("Commissariat central de Lyon", OrganisationKind.Police);
        var admin = await factory.CreateUserAsync(Roles.Administrateur);
        var client = await factory.LoginAsync(admin);
        var response = await Pages.PostFormAsync(client, "/annuaire/nouvelle", EntryForm("", DirectoryKind.Police,
            ("Input.OrganisationId", organisation.ToString()),
            ("Input.Membership", nameof(CommissionMembership.MembrePermanent)),
            ("Input.Description", "Brigade de protection des familles : auditions, enquêtes sur l'exploitation de mineurs."),
            ("Input.Territory", "Lyon"),
            ("Input.Phone", "04.78.00.00.00"),
            ("Input.Email", "bpf-lyon@interieur.gouv.fr"),
            ("Input.Website", "www.police-nationale.interieur.gouv.fr"),
            ("Input.Access", "Du lundi au vendredi, 9 h – 18 h."),
            ("Input.Contacts[0].Name", "Capitaine Claire Rousseau"),
            ("Input.Contacts[0].Function", "Cheffe de la brigade"),
            ("Input.Contacts[0].Phone", "+33 (0)4 78 00 00 01"),
            ("Input.Contacts[0].Email", "claire.rousseau@interieur.gouv.fr"),
            ("Input.Contacts[1].Name", ""),
            ("Input.Contacts[1].Phone", "")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await factory.WithDbAsync(db => db.DirectoryEntries.AsNoTracking().Include(e => e.Contacts).SingleAsync(e => e.OrganisationId == organisation));
        Assert.Equal($"/annuaire/{entry.Id}", response.Headers.Location!.OriginalString);
        Assert.Equal("Commissariat central de Lyon", entry.Name); // taken from the organisation
        Assert.Equal("04 78 00 00 00", entry.Phone);
        Assert.Equal("https://www.police-nationale.interieur.gouv.fr", entry.Website);
        var contact = Assert.Single(entry.Contacts);
        Assert.Equal("+33 4 78 00 00 01", contact.Phone);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Create && e.RecordType == AnnuaireAudit.Entry && e.RecordId == entry.Id.ToString() && e.ActorId == admin.Id)));

        foreach (var role in Roles.All)
        {
            var reader = await factory.CreateUserAsync(role);
            var page = await Pages.GetDocumentAsync(await factory.LoginAsync(reader), $"/annuaire/{entry.Id}");
            Assert.Equal("Commissariat central de Lyon", page.Text("h1"));
            Assert.Equal("Membre permanent", page.Text("#role-commission"));
            Assert.Equal("Commissariat central de Lyon", page.Text("#organisation"));
            Assert.Equal("Capitaine Claire Rousseau", page.Text("#contacts tbody th"));
            Assert.Equal("tel:+33478000001", page.QuerySelector("#contacts a[href^='tel:']")!.GetAttribute("href"));
            Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.RecordType == AnnuaireAudit.Entry && e.RecordId == entry.Id.ToString() && e.ActorId == reader.Id)));
            // Only those who keep the directory see the editing links.
            Assert.Equal(role is Roles.Administrateur or Roles.Coordination, page.QuerySelector($"a[href='/annuaire/{entry.Id}/modifier']") is not null);
        }
    }

    [Fact]
    public async Task Wrong_phone_email_and_web_address_get_French_messages_and_the_form_keeps_everything_typed()
    {
        var client = await factory.LoginAsync(Roles.Coordination);
        var before = await factory.WithDbAsync(db => db.DirectoryEntries.CountAsync());
        var response = await Pages.PostFormAsync(client, "/annuaire/nouvelle", EntryForm("Maison des adolescents", DirectoryKind.Sante,
            ("Input.Phone", "12345"),
            ("Input.Email", "pas-une-adresse"),
            ("Input.Website", "javascript:alert(1)"),
            ("Input.Description", "Accueil sans rendez-vous des 11-21 ans."),
            ("Input.Contacts[0].Name", ""),
            ("Input.Contacts[0].Function", "Psychologue"),
            ("Input.Contacts[0].Email", "x@")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await Pages.ParseAsync(response);
        var errors = page.Text("#form-errors");
        Assert.Contains("Le téléphone doit être un numéro français", errors, StringComparison.Ordinal);
        Assert.Contains("L'adresse e-mail n'est pas valide", errors, StringComparison.Ordinal);
        Assert.Contains("Site web : l'adresse web n'est pas valide", errors, StringComparison.Ordinal);
        Assert.Contains("Contact 1 : indiquez le nom du contact", errors, StringComparison.Ordinal);
        Assert.Contains("Contact 1 : l'adresse e-mail n'est pas valide", errors, StringComparison.Ordinal);
        Assert.Equal("12345", page.QuerySelector("#Input_Phone")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#Input_Phone")!.GetAttribute("aria-invalid"));
        Assert.Equal("Input_Phone-error", page.QuerySelector("#Input_Phone")!.GetAttribute("aria-describedby"));
        Assert.Equal("pas-une-adresse", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Equal("javascript:alert(1)", page.QuerySelector("#Input_Website")!.GetAttribute("value"));
        Assert.Equal("Maison des adolescents", page.QuerySelector("#Input_Name")!.GetAttribute("value"));
        Assert.Equal("Accueil sans rendez-vous des 11-21 ans.", page.QuerySelector("#Input_Description")!.TextContent);
        Assert.Equal("Psychologue", page.QuerySelector("#Input_Contacts_0__Function")!.GetAttribute("value"));
        Assert.Equal("Sante", page.QuerySelector("#Input_Kind option[selected]")!.GetAttribute("value"));
        Assert.Equal(before, await factory.WithDbAsync(db => db.DirectoryEntries.CountAsync()));

        // No name and no organisation; no kind.
        response = await Pages.PostFormAsync(client, "/annuaire/nouvelle", EntryForm("", null));
        errors = (await Pages.ParseAsync(response)).Text("#form-errors");
        Assert.Contains("Indiquez le nom", errors, StringComparison.Ordinal);
        Assert.Contains("Choisissez le type", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_directory_is_searched_without_minding_accents_and_filtered_by_kind_territory_and_role_in_the_commission()
    {
        await AddEntryAsync("Consultation de pédopsychiatrie Saint-Jean", DirectoryKind.Pedopsychiatrie, "Villeurbanne", "Consultations pour adolescents en souffrance.");
        await AddEntryAsync("CPEF Gerland", DirectoryKind.Cpef, "Lyon 7e", "Contraception, dépistage, IVG.", new ContactDetails("Docteure Amélie Fournier", "Médecin", null, null));
        await AddEntryAsync("CPEF Croix-Rousse", DirectoryKind.Cpef, "Lyon 4e");
        await AddEntryAsync("Équipe mobile de l'Amicale du Nid", DirectoryKind.EquipeMobile, "Lyon 7e", "Aller vers, co-accompagnement en libre adhésion.");
        var reader = await factory.LoginAsync(Roles.Professionnel);

        Assert.Equal(["Consultation de pédopsychiatrie Saint-Jean"], Names(await Pages.GetDocumentAsync(reader, "/annuaire?q=PEDOPSYCHIATRIE")));
        Assert.Equal(["CPEF Gerland"], Names(await Pages.GetDocumentAsync(reader, "/annuaire?q=amelie%20fournier")));
        var cpef = Names(await Pages.GetDocumentAsync(reader, "/annuaire?type=Cpef"));
        Assert.Contains("CPEF Croix-Rousse", cpef);
        Assert.Contains("CPEF Gerland", cpef);
        Assert.All(cpef, name => Assert.StartsWith("CPEF", name, StringComparison.Ordinal));
        var lyon7 = await Pages.GetDocumentAsync(reader, "/annuaire?territoire=Lyon%207e");
        Assert.Contains("CPEF Gerland", Names(lyon7));
        Assert.Contains("Équipe mobile de l'Amicale du Nid", Names(lyon7));
        Assert.DoesNotContain("CPEF Croix-Rousse", Names(lyon7));
        Assert.Equal(["CPEF Gerland"], Names(await Pages.GetDocumentAsync(reader, "/annuaire?type=Cpef&territoire=Lyon%207e")));
        Assert.Contains(lyon7.QuerySelectorAll("#territoire option"), o => o.GetAttribute("value") == "Villeurbanne");
        Assert.Equal("Aucune fiche ne correspond.", (await Pages.GetDocumentAsync(reader, "/annuaire?q=aller%20vers&type=Cpef")).Text("#result-count"));
        Assert.Empty(Names(await Pages.GetDocumentAsync(reader, "/annuaire?q=libre%20adhesion&commission=MembrePermanent")));
        // A kind the page never offers is ignored, not an error.
        Assert.Contains("CPEF Gerland", Names(await Pages.GetDocumentAsync(reader, "/annuaire?type=Inconnu")));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Read && e.RecordType == AnnuaireAudit.List)));
    }

    [Fact]
    public async Task Coordination_edits_an_entry_then_retires_it_after_confirmation_and_restores_it()
    {
        var id = await AddEntryAsync("Service de prévention spécialisée Est", DirectoryKind.PreventionSpecialisee, "Vaulx-en-Velin", null,
            new ContactDetails("Karim Benali", "Éducateur", "06 00 00 00 01", null), new ContactDetails("Julie Perrin", "Cheffe de service", null, null));
        var coordination = await factory.LoginAsync(Roles.Coordination);
        var edit = await Pages.GetDocumentAsync(coordination, $"/annuaire/{id}/modifier");
        Assert.Equal("Karim Benali", edit.QuerySelector("#Input_Contacts_0__Name")!.GetAttribute("value"));
        Assert.Equal("06 00 00 00 01", edit.QuerySelector("#Input_Contacts_0__Phone")!.GetAttribute("value"));

        // Karim Benali's row emptied (removed), Julie Perrin kept, a new contact added.
        var response = await Pages.PostFormAsync(coordination, $"/annuaire/{id}/modifier", EntryForm("Prévention spécialisée — secteur Est", DirectoryKind.PreventionSpecialisee,
            ("Input.Territory", "Vaulx-en-Velin"),
            ("Input.Membership", nameof(CommissionMembership.MembreAssocie)),
            ("Input.Contacts[0].Name", ""), ("Input.Contacts[0].Function", ""), ("Input.Contacts[0].Phone", ""),
            ("Input.Contacts[1].Name", "Julie Perrin"), ("Input.Contacts[1].Function", "Cheffe de service"),
            ("Input.Contacts[2].Name", "Sofia Marchand"), ("Input.Contacts[2].Email", "sofia.marchand@prevention.fr")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var entry = await factory.WithDbAsync(db => db.DirectoryEntries.AsNoTracking().Include(e => e.Contacts).SingleAsync(e => e.Id == id));
        Assert.Equal("Prévention spécialisée — secteur Est", entry.Name);
        Assert.Equal(CommissionMembership.MembreAssocie, entry.Membership);
        Assert.Equal(["Julie Perrin", "Sofia Marchand"], entry.Contacts.OrderBy(c => c.Position).Select(c => c.Name).ToList());
        Assert.Equal(2, await factory.WithDbAsync(db => db.DirectoryContacts.CountAsync(c => c.EntryId == id)));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Update && e.RecordType == AnnuaireAudit.Entry && e.RecordId == id.ToString())));

        var confirmation = await Pages.GetDocumentAsync(coordination, $"/annuaire/{id}/retirer");
        Assert.Equal("Retirer « Prévention spécialisée — secteur Est » de l'annuaire ?", confirmation.Text("h1"));
        response = await Pages.PostFormAsync(coordination, $"/annuaire/{id}/retirer", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == AuditAction.Delete && e.RecordType == AnnuaireAudit.Entry && e.RecordId == id.ToString())));

        var reader = await factory.LoginAsync(Roles.Professionnel);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/annuaire/{id}", TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain("Prévention spécialisée — secteur Est", Names(await Pages.GetDocumentAsync(reader, "/annuaire?q=secteur%20est")));
        Assert.Contains("Prévention spécialisée — secteur Est", Names(await Pages.GetDocumentAsync(coordination, "/annuaire?retirees=true")));

        response = await Pages.PostFormAsync(coordination, $"/annuaire/{id}", [], handler: "Restore");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync($"/annuaire/{id}", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Roles_other_than_Administrateur_and_Coordination_cannot_change_the_directory()
    {
        var id = await AddEntryAsync("CPEF Vénissieux", DirectoryKind.Cpef, "Vénissieux");
        foreach (var role in Roles.All.Except([Roles.Administrateur, Roles.Coordination]))
        {
            var client = await factory.LoginAsync(role);
            var token = await Pages.TokenAsync(client, "/compte/mot-de-passe");
            foreach (var (url, handler) in new[] { ("/annuaire/nouvelle", (string?)null), ($"/annuaire/{id}/modifier", null), ($"/annuaire/{id}/retirer", null), ($"/annuaire/{id}", "Restore") })
            {
                var response = await Pages.PostAsync(client, url, EntryForm("Intrusion", DirectoryKind.Autre), token, handler);
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} POST {url} {handler} → {(int)response.StatusCode}");
            }

            Assert.Empty((await Pages.GetDocumentAsync(client, "/annuaire")).QuerySelectorAll("a[href='/annuaire/nouvelle']"));
        }

        var entry = await factory.WithDbAsync(db => db.DirectoryEntries.AsNoTracking().SingleAsync(e => e.Id == id));
        Assert.True(entry.IsActive);
        Assert.Equal("CPEF Vénissieux", entry.Name);
        Assert.False(await factory.WithDbAsync(db => db.DirectoryEntries.AnyAsync(e => e.Name == "Intrusion")));
    }
}
