using Vigie.Tests.Infrastructure;

namespace Vigie.Tests.Notifications;

/// <summary>A Vigie whose pickup mail folder is its own, so a test can read the e-mails it caused.</summary>
public class MailFolderFactory : VigieFactory
{
    public string MailFolder => Path.Combine(Database.DataFolder, "mail");

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Vigie:Mail:PickupFolder"] = MailFolder,
        ["Vigie:PublicUrl"] = "https://vigie.metropole.test",
    };

    /// <summary>The .eml files written so far, as raw text (headers and body).</summary>
    public IReadOnlyList<string> Mails() =>
        Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList() : [];

    /// <summary>The messages addressed to one mailbox, parsed.</summary>
    public IReadOnlyList<MimeKit.MimeMessage> MailsTo(string address) =>
        (Directory.Exists(MailFolder) ? Directory.GetFiles(MailFolder, "*.eml") : [])
            .Select(f => MimeKit.MimeMessage.Load(f))
            .Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)))
            .ToList();
}
