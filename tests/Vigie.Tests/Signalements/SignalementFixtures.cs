using System.Globalization;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Tests.Situations;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email.Outbox;

namespace Vigie.Tests.Signalements;

/// <summary>A Vigie with a second recipients entry (Villeurbanne) beside the default one of appsettings.json.</summary>
public class SignalementFactory : VigieFactory
{
    /// <summary>Set: sending by SMTP to a loopback server on that port.</summary>
    protected virtual int? SmtpPort => null;

    public OutboxDispatcher Dispatcher => Services.GetRequiredService<OutboxDispatcher>();

    public const string VilleurbanneParquet = "parquet-villeurbanne@tests.invalid";
    public const string VilleurbanneJudge = "juge-villeurbanne@tests.invalid";
    public const string VilleurbanneCrip = "crip-villeurbanne@tests.invalid";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(SmtpPort is { } port ? Smtp(port) : [])
    {
        ["Vigie:Signalements:Recipients:1:Territories:0"] = "Villeurbanne",
        ["Vigie:Signalements:Recipients:1:Parquet:Name"] = "Parquet de Villeurbanne (test)",
        ["Vigie:Signalements:Recipients:1:Parquet:Email"] = VilleurbanneParquet,
        ["Vigie:Signalements:Recipients:1:JugeDesEnfants:Name"] = "Juge des enfants de Villeurbanne (test)",
        ["Vigie:Signalements:Recipients:1:JugeDesEnfants:Email"] = VilleurbanneJudge,
        ["Vigie:Signalements:Recipients:1:Crip:Name"] = "CRIP de Villeurbanne (test)",
        ["Vigie:Signalements:Recipients:1:Crip:Email"] = VilleurbanneCrip,
        ["Vigie:Mail:Outbox:Background"] = "false",
    };

    private static Dictionary<string, string?> Smtp(int port) => new()
    {
        ["Vigie:Mail:Transport"] = "Smtp",
        ["Vigie:Mail:Host"] = "127.0.0.1",
        ["Vigie:Mail:Port"] = port.ToString(CultureInfo.InvariantCulture),
        ["Vigie:Mail:Security"] = "None",
        ["Vigie:Mail:From"] = "vigie@metropole.test",
        ["Vigie:Mail:TimeoutSeconds"] = "2",
    };
}

/// <summary>Signalements sent by SMTP to a loopback server; the outbox is sent pass by pass by the test (no background sender).</summary>
public sealed class SmtpSignalementFactory(int port) : SignalementFactory
{
    protected override int? SmtpPort => port;
}

/// <summary>A situation with a validated evaluation, and a professional of its organisation logged in.</summary>
public sealed record Evaluated(HttpClient Client, Guid SituationId, TestUser User, Guid Organisation);

public static class SignalementFixtures
{
    /// <summary>Opens a situation and validates its trame through the pages, with <paramref name="change"/> applied to the complete trame.</summary>
    public static async Task<Evaluated> EvaluatedAsync(VigieFactory factory, string territory = "Lyon 8e",
        Action<Dictionary<string, Dictionary<string, string>>>? change = null)
    {
        var org = await factory.CreateOrganisationAsync();
        var user = await factory.CreateUserAsync(Roles.Professionnel, organisationId: org);
        var client = await factory.LoginAsync(user);
        var id = await SituationFixtures.OpenAsync(factory, org, "Morel", "Léna", TrameFixtures.Birth, territory);
        var trame = TrameFixtures.Complete();
        change?.Invoke(trame);
        await TrameFixtures.FillAsync(client, id, trame);
        var validated = await TrameFixtures.ValidateAsync(client, id, TrameFixtures.Confirmation);
        Assert.Equal(HttpStatusCode.Redirect, validated.StatusCode);
        return new Evaluated(client, id, user, org);
    }

    /// <summary>"Rédiger un signalement" (or an IP) on the situation's signalements page; returns the new draft's id.</summary>
    public static async Task<Guid> DraftAsync(HttpClient client, Guid situationId, SignalementKind kind = SignalementKind.Signalement)
    {
        var response = await Pages.PostFormAsync(client, $"/situations/{situationId}/signalements", [],
            kind == SignalementKind.Signalement ? "Signalement" : "Information");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode} {(await Pages.ParseAsync(response)).Text("#form-errors")}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/signalements/", location, StringComparison.Ordinal);
        return Guid.Parse(location["/signalements/".Length..]);
    }

    public static Task<Signalement> ReadAsync(VigieFactory factory, Guid signalementId) =>
        factory.WithDbAsync(db => db.Signalements.AsNoTracking().Include(s => s.Authors).SingleAsync(s => s.Id == signalementId));

    public static SignalementContent Content(VigieFactory factory, Signalement signalement) =>
        SignalementContent.Decrypt(factory.Services.GetRequiredService<FieldCipher>(), signalement.ContentEncrypted);

    /// <summary>Every field of the draft form as the page shows it.</summary>
    public static Dictionary<string, string> DraftForm(IHtmlDocument page)
    {
        var form = page.QuerySelector("#draft-form") ?? throw new InvalidOperationException("Pas de formulaire de brouillon.");
        var fields = new Dictionary<string, string>();
        foreach (var input in form.QuerySelectorAll("input[name], textarea[name]"))
        {
            var name = input.GetAttribute("name")!;
            if (name != "__RequestVerificationToken")
            {
                fields[name] = input is IHtmlTextAreaElement area ? area.Value : input.GetAttribute("value") ?? string.Empty;
            }
        }

        return fields;
    }

    /// <summary>Opens the draft page, changes some fields of its form and saves.</summary>
    public static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid signalementId, Dictionary<string, string> changes, IHtmlDocument? openedPage = null)
    {
        var url = $"/signalements/{signalementId}";
        var page = openedPage ?? await Pages.GetDocumentAsync(client, url);
        var fields = DraftForm(page);
        foreach (var (key, value) in changes)
        {
            fields[key] = value;
        }

        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await Pages.PostAsync(client, url, fields, token);
    }

    /// <summary>A form post on the signalement page with the page's current version.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, Guid signalementId, string handler, Dictionary<string, string>? fields = null)
    {
        var url = $"/signalements/{signalementId}";
        var page = await Pages.GetDocumentAsync(client, url);
        var all = new Dictionary<string, string>(fields ?? []);
        all.TryAdd("Input.Version", page.QuerySelector("input[name='Input.Version']")?.GetAttribute("value") ?? "0");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await Pages.PostAsync(client, url, all, token, handler);
    }

    /// <summary>Fills in the function the test accounts lack, so the draft form saves.</summary>
    public static Dictionary<string, string> WithFunctions(IHtmlDocument page, Dictionary<string, string> changes)
    {
        foreach (var input in page.QuerySelectorAll("#draft-form input[name$='.Function']"))
        {
            if (string.IsNullOrEmpty(input.GetAttribute("value")))
            {
                changes.TryAdd(input.GetAttribute("name")!, "Éducatrice spécialisée");
            }
        }

        return changes;
    }
}

/// <summary>A draft every author validated, ready to send.</summary>
public sealed record Ready(HttpClient Client, Guid SituationId, TestUser User, Guid Organisation, Guid SignalementId);

public static class SendingFixtures
{
    /// <summary>Evaluates, drafts, completes the authors' functions and validates as the only author.</summary>
    public static async Task<Ready> ReadyAsync(VigieFactory factory, SignalementKind kind = SignalementKind.Signalement, string territory = "Lyon 8e")
    {
        var e = await SignalementFixtures.EvaluatedAsync(factory, territory);
        var sid = await SignalementFixtures.DraftAsync(e.Client, e.SituationId, kind);
        var page = await Pages.GetDocumentAsync(e.Client, $"/signalements/{sid}");
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.SaveAsync(e.Client, sid, SignalementFixtures.WithFunctions(page, []), page)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignalementFixtures.PostAsync(e.Client, sid, "Validate")).StatusCode);
        return new Ready(e.Client, e.SituationId, e.User, e.Organisation, sid);
    }

    /// <summary>"Envoyer au parquet" (or "à la CRIP") with the code the user's app shows now.</summary>
    public static Task<HttpResponseMessage> SendAsync(VigieFactory factory, HttpClient client, TestUser user, Guid sid, string? code = null) =>
        SignalementFixtures.PostAsync(client, sid, "Send", new() { ["Code"] = code ?? factory.NextCode(user) });
}
