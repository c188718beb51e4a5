using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Tests.Situations;

public sealed class SituationTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    private static Dictionary<string, string> Form(string last, string first, string birth) => new()
    {
        ["Input.LastName"] = last,
        ["Input.FirstName"] = first,
        ["Input.BirthDate"] = birth,
        ["Input.Sex"] = "Fille",
        ["Input.Territory"] = "Vaulx-en-Velin",
    };

    [Fact]
    public async Task Professional_opens_a_situation_sees_it_and_the_read_is_audited_but_another_organisation_gets_404()
    {
        var mine = await factory.CreateOrganisationAsync();
        var pro = await factory.CreateUserAsync(Roles.Professionnel, organisationId: mine);
        var client = await factory.LoginAsync(pro);

        var created = await Pages.PostFormAsync(client, "/situations/nouvelle", Form("Lefebvre", "Maëlys", "2010-04-02"));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var url = created.Headers.Location!.OriginalString;
        var page = await Pages.GetDocumentAsync(client, url);
        Assert.Equal("Maëlys Lefebvre", page.Text("h1"));
        Assert.Contains("02/04/2010", page.Text(".facts"), StringComparison.Ordinal);

        var id = url.Split('/').Last();
        var reads = await factory.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RecordType == "Situation" && e.RecordId == id && e.Action == AuditAction.Read && e.ActorId == pro.Id));
        Assert.Equal(1, reads);

        var outsider = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel));
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(id, await outsider.GetStringAsync("/situations"), StringComparison.Ordinal);
        var coordination = await factory.LoginAsync(Roles.Coordination);
        Assert.Equal(HttpStatusCode.OK, (await coordination.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordination.GetAsync($"/situations/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task A_second_file_for_the_same_minor_elsewhere_shows_only_whom_to_contact()
    {
        var first = await factory.CreateOrganisationAsync("MECS Les Lilas");
        await SituationFixtures.OpenAsync(factory, first, "Benali", "Inès", new DateOnly(2009, 11, 20));
        var client = await factory.LoginAsync(await factory.CreateUserAsync(Roles.Professionnel));

        var warned = await Pages.PostFormAsync(client, "/situations/nouvelle", Form("BENALI", "ines", "2009-11-20"));
        var page = await Pages.ParseAsync(warned);
        Assert.Equal(HttpStatusCode.OK, warned.StatusCode);
        var warning = page.Text("#duplicate-warning");
        Assert.Contains("Un dossier existe déjà pour ce mineur", warning, StringComparison.Ordinal);
        Assert.Contains("auprès de : MECS Les Lilas", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Lyon 8e", page.Body!.TextContent, StringComparison.Ordinal); // nothing of the other file
        Assert.Equal("BENALI", page.QuerySelector("#Input_LastName")!.GetAttribute("value"));

        var form = Form("BENALI", "ines", "2009-11-20");
        form["Input.ConfirmDuplicate"] = "true";
        var confirmed = await Pages.PostFormAsync(client, "/situations/nouvelle", form);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
    }

    [Theory]
    [InlineData("", "Léa", "2010-01-01", "Indiquez le nom du mineur.")]
    [InlineData("Martin", "Léa", "", "Indiquez la date de naissance.")]
    [InlineData("Martin", "Léa", "2999-01-01", "La date de naissance ne peut pas être dans le futur.")]
    [InlineData("Martin", "Léa", "pas une date", "n'est pas valide")]
    public async Task Bad_input_is_explained_and_kept(string last, string first, string birth, string message)
    {
        var client = await factory.LoginAsync(Roles.Professionnel);

        var response = await Pages.PostFormAsync(client, "/situations/nouvelle", Form(last, first, birth));
        var page = await Pages.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, page.Text("#form-errors"), StringComparison.Ordinal);
        Assert.Equal("Vaulx-en-Velin", page.QuerySelector("#Input_Territory")!.GetAttribute("value"));
        // The field in error is marked and tied to its message, for screen readers too.
        var invalid = Assert.Single(page.QuerySelectorAll("[aria-invalid=true]"));
        var described = page.GetElementById(invalid.GetAttribute("aria-describedby")!);
        Assert.Contains(message, described!.TextContent, StringComparison.Ordinal);
        Assert.Contains("input-validation-error", invalid.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markup_typed_in_a_name_is_shown_escaped()
    {
        var client = await factory.LoginAsync(Roles.Coordination);

        var created = await Pages.PostFormAsync(client, "/situations/nouvelle", Form("<script>alert(1)</script>", "<b>Zoé</b>", "2011-02-03"));
        var html = await client.GetStringAsync(created.Headers.Location!.OriginalString);

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_never_holds_a_canary_name_in_clear()
    {
        var org = await factory.CreateOrganisationAsync();
        await SituationFixtures.OpenAsync(factory, org, "Canarivasquez", "Pimprenellia", new DateOnly(2012, 7, 8));

        // Everything the store holds: the SQLite file and its write-ahead log, or a full pg_dump.
        var bytes = await RawStore.ReadAsync(factory);
        Assert.NotEmpty(bytes);
        foreach (var canary in new[] { "Canarivasquez", "Pimprenellia", "2012-07-08" })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(canary)));
        }

        Assert.NotEqual(-1, bytes.AsSpan().IndexOf("Lyon 8e"u8)); // the territory stays in clear: the dump is real
    }
}
