using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Compte;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Commission.Commitment;

/// <summary>The versions of the confidentiality commitment; publishing a new one (the latest applies to new acceptances).</summary>
[Authorize(Policy = Policies.CommissionCoordination)]
public sealed class IndexModel(VigieDbContext db, IAuditLog audit, TimeProvider clock) : PageModel
{
    [BindProperty]
    public string? Text { get; set; }

    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Versions { get; private set; } = [];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Text = Versions.Count == 0 ? CommitmentText.Default : Versions[0].Text;
        await audit.RecordAsync(AuditAction.Read, AuditRecordType.Commitment, "versions");
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var text = Text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            ModelState.AddModelError(nameof(Text), "Saisissez le texte de l'engagement.");
        }
        else if (text.Length > CommitmentText.MaxLength)
        {
            ModelState.AddModelError(nameof(Text), $"Le texte fait {CommitmentText.MaxLength:N0} caractères au plus.");
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var version = (await db.ConfidentialityCommitments.MaxAsync(c => (int?)c.Version) ?? 0) + 1;
        var commitment = new ConfidentialityCommitment
        {
            Version = version, Text = text!, PublishedAt = clock.GetUtcNow().UtcDateTime, PublishedById = User.FindFirstValue(ClaimTypes.NameIdentifier)!,
        };
        db.ConfidentialityCommitments.Add(commitment);
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            ModelState.AddModelError(nameof(Text), "Une autre version vient d'être publiée entre-temps : relisez-la avant de publier la vôtre.");
            db.ChangeTracker.Clear();
            await LoadAsync();
            return Page();
        }

        await audit.RecordAsync(AuditAction.Create, AuditRecordType.Commitment, commitment.Id.ToString());
        Status = $"La version {version} de l'engagement est publiée : elle s'applique aux prochaines acceptations.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var rows = await db.ConfidentialityCommitments.AsNoTracking().OrderByDescending(c => c.Version).ToListAsync();
        var names = await CommissionAgenda.UserNamesAsync(db, rows.Select(r => r.PublishedById));
        var counts = await db.CommitmentAcceptances.GroupBy(a => a.CommitmentId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
        Versions = rows.Select(r => new Row(r.Version, r.Text, r.PublishedAt, names.GetValueOrDefault(r.PublishedById, "un utilisateur"),
            counts.GetValueOrDefault(r.Id))).ToList();
    }

    public sealed record Row(int Version, string Text, DateTime PublishedAt, string PublishedBy, int Acceptances);
}
