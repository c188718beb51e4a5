using System.Net.Mail;

namespace Vigie.Web.Features.Signalements;

/// <summary>
/// Settings of <c>Vigie:Signalements</c>: the place printed before the date, the sender block, and
/// the recipients by territory (one entry with <c>["*"]</c> is the default). Validated at start.
/// Development and tests use addresses under <c>.invalid</c>; the real Lyon addresses are in
/// docs/settings-production-example.json only.
/// </summary>
public sealed class SignalementsOptions
{
    public const string Section = "Vigie:Signalements";

    /// <summary>The territory name of the default entry.</summary>
    public const string AnyTerritory = "*";

    /// <summary>The town printed in "Lyon, le …".</summary>
    public string Place { get; set; } = string.Empty;

    public SenderOptions Sender { get; set; } = new();

    public List<RecipientsEntry> Recipients { get; set; } = [];

    /// <summary>The recipients for a situation's territory: the entry naming it (case and spaces ignored), else the default entry.</summary>
    public RecipientsEntry For(string? territory)
    {
        var wanted = territory?.Trim();
        return (string.IsNullOrEmpty(wanted) ? null
                : Recipients.FirstOrDefault(e => e.Territories.Any(t => string.Equals(t.Trim(), wanted, StringComparison.OrdinalIgnoreCase))))
            ?? Recipients.First(e => e.Territories.Contains(AnyTerritory));
    }

    /// <summary>What is wrong with the settings, in French (empty: valid).</summary>
    public IReadOnlyList<string> Errors()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Place))
        {
            errors.Add("Vigie:Signalements:Place est obligatoire (ville imprimée avant la date, ex. « Lyon »).");
        }

        if (string.IsNullOrWhiteSpace(Sender.Organisation))
        {
            errors.Add("Vigie:Signalements:Sender:Organisation est obligatoire (bloc expéditeur du document).");
        }

        if (Recipients.Count(e => e.Territories.Contains(AnyTerritory)) != 1)
        {
            errors.Add("Vigie:Signalements:Recipients doit contenir exactement une entrée par défaut (Territories: [\"*\"]).");
        }

        for (var i = 0; i < Recipients.Count; i++)
        {
            var entry = Recipients[i];
            var where = $"Vigie:Signalements:Recipients:{i}";
            if (entry.Territories.Count == 0 || entry.Territories.Any(string.IsNullOrWhiteSpace))
            {
                errors.Add($"{where}:Territories doit nommer au moins un territoire (ou \"*\").");
            }

            Check(entry.Parquet, $"{where}:Parquet", required: true, errors);
            Check(entry.Crip, $"{where}:Crip", required: true, errors);
            Check(entry.JugeDesEnfants, $"{where}:JugeDesEnfants", required: false, errors);
        }

        return errors;
    }

    private static void Check(RecipientOptions? recipient, string where, bool required, List<string> errors)
    {
        if (recipient is null)
        {
            if (required)
            {
                errors.Add($"{where} est obligatoire.");
            }

            return;
        }

        if (string.IsNullOrWhiteSpace(recipient.Name))
        {
            errors.Add($"{where}:Name est obligatoire.");
        }

        if (!MailAddress.TryCreate(recipient.Email, out _))
        {
            errors.Add($"{where}:Email doit être une adresse électronique valide.");
        }
    }
}

/// <summary>The sending organisation, printed at the top of the document.</summary>
public sealed class SenderOptions
{
    public string Organisation { get; set; } = string.Empty;

    public List<string> AddressLines { get; set; } = [];

    public string? Phone { get; set; }

    public string? Email { get; set; }
}

/// <summary>The recipients of one or more territories.</summary>
public sealed class RecipientsEntry
{
    public List<string> Territories { get; set; } = [];

    public RecipientOptions Parquet { get; set; } = new();

    /// <summary>Only when a judicial measure runs (placement judiciaire, AEMO, PJJ…).</summary>
    public RecipientOptions? JugeDesEnfants { get; set; }

    public RecipientOptions Crip { get; set; } = new();
}

/// <summary>An institutional recipient: name, e-mail address and postal address lines.</summary>
public sealed class RecipientOptions
{
    public string Name { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public List<string> AddressLines { get; set; } = [];
}
