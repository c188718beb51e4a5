using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Situations;

public sealed class IdentityTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static Dictionary<string, string> Form(string last, string first, string birth, string territory = "Bron") => new()
    {
        ["Input.LastName"] = last,
        ["Input.FirstName"] = first,
        ["Input.BirthDate"] = birth,
        ["Input.Sex"] = "Fille",
        ["Input.Territory"] = territory,
    };

    [Fact]
    public async Task Correcting_the_identity_re_encrypts_it_recomputes_the_indexes_and_is_audited_and_on_the_history()
    {
        var org = await factory.CreateOrganisationAsync();
        var pro = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var client = await factory.LoginAsync(pro);
        var id = await SituationFixtures.OpenAsync(factory, org, "Dupond", "Lina", new DateOnly(2010, 3, 4));

        var form = await Pages.GetDocumentAsync(client, $"/situations/{id}/identite");
        Assert.Equal("Dupond", form.QuerySelector("#Input_LastName")!.GetAttribute("value"));
        Assert.Equal("2010-03-04", form.QuerySelector("#Input_BirthDate")!.GetAttribute("value"));

        var saved = await Pages.PostFormAsync(client, $"/situations/{id}/identite", Form("Dupont", "Lina-Rose", "2010-03-05"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await Pages.GetDocumentAsync(client, $"/situations/{id}");
        Assert.Equal("Lina-Rose Dupont", page.Text("h1"));
        Assert.Contains("05/03/2010", page.Text(".facts"), StringComparison.Ordinal);
        Assert.Contains("Bron", page.Text(".facts"), StringComparison.Ordinal);

        var index = factory.Services.GetRequiredService<BlindIndex>();
        var stored = await factory.WithDbAsync(db => db.Situations.AsNoTracking().SingleAsync(s => s.Id == id));
        Assert.Equal(index.Compute("Dupont", "Lina-Rose", new DateOnly(2010, 3, 5)), stored.IdentityIndex);
        Assert.Equal(index.ComputeName("DUPONT"), stored.NameIndex);
        Assert.Equal(2010, stored.BirthYear);
        Assert.DoesNotContain("Dupont", stored.LastNameEncrypted, StringComparison.Ordinal);

        var audited = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordId == $"{id}#identite" && e.Action == AuditAction.Update && e.ActorId == pro.Id));
        Assert.Equal(1, audited);
        var events = await factory.WithDbAsync(db => db.SituationEvents.Where(e => e.SituationId == id).Select(e => e.Kind).ToListAsync());
        Assert.Contains(SituationEventKind.IdentityCorrected, events);
    }

    [Fact]
    public async Task A_corrected_identity_matching_another_file_shows_the_duplicate_warning_and_keeps_what_was_typed()
    {
        var other = await factory.CreateOrganisationAsync("Prévention spécialisée Est");
        await SituationFixtures.OpenAsync(factory, other, "Garnier", "Sofia", new DateOnly(2011, 9, 1));
        var org = await factory.CreateOrganisationAsync();
        var client = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: org));
        var id = await SituationFixtures.OpenAsync(factory, org, "Garnie", "Sofia", new DateOnly(2011, 9, 1));

        var warned = await Pages.ParseAsync(await Pages.PostFormAsync(client, $"/situations/{id}/identite", Form("Garnier", "Sofia", "2011-09-01")));
        Assert.Contains("auprès de : Prévention spécialisée Est", warned.Text("#duplicate-warning"), StringComparison.Ordinal);
        Assert.Equal("Garnier", warned.QuerySelector("#Input_LastName")!.GetAttribute("value"));

        var form = Form("Garnier", "Sofia", "2011-09-01");
        form["Input.ConfirmDuplicate"] = "true";
        Assert.Equal(HttpStatusCode.Redirect, (await Pages.PostFormAsync(client, $"/situations/{id}/identite", form)).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_explained_and_kept_and_closed_or_out_of_scope_situations_cannot_be_corrected()
    {
        var org = await factory.CreateOrganisationAsync();
        var client = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel, organisationId: org));
        var id = await SituationFixtures.OpenAsync(factory, org, "Robert", "Emma", new DateOnly(2012, 1, 2));

        var future = await Pages.ParseAsync(await Pages.PostFormAsync(client, $"/situations/{id}/identite", Form("Robert<b>", "", "2999-01-01")));
        Assert.Contains("La date de naissance ne peut pas être dans le futur.", future.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Contains("Indiquez le ou les prénoms du mineur.", future.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Robert<b>", future.QuerySelector("#Input_LastName")!.GetAttribute("value"));
        Assert.Equal("Robert", (await Pages.GetDocumentAsync(client, $"/situations/{id}")).Text("h1").Split(' ').Last());

        await factory.WithDbAsync(async db =>
        {
            var situation = await db.Situations.SingleAsync(s => s.Id == id);
            situation.Close(ClosureReason.Majorite, factory.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        });
        var closed = await Pages.ParseAsync(await Pages.PostFormAsync(client, $"/situations/{id}/identite", Form("Autre", "Nom", "2012-01-02"), formPage: $"/situations/{id}"));
        Assert.Contains("rouvrez-la", closed.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Emma Robert", (await Pages.GetDocumentAsync(client, $"/situations/{id}")).Text("h1"));

        var outsider = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/situations/{id}/identite")).StatusCode);
        var token = await Pages.TokenAsync(outsider, "/situations/nouvelle");
        Assert.Equal(HttpStatusCode.NotFound, (await Pages.PostAsync(outsider, $"/situations/{id}/identite", Form("X", "Y", "2012-01-02"), token)).StatusCode);
    }
}
