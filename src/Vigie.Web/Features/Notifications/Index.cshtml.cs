using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Notifications;

/// <summary>The signed-in user's notifications, newest first; any role may have some.</summary>
public sealed class IndexModel(VigieDbContext db, TimeProvider clock) : PageModel
{
    public const int Shown = 100;

    [TempData]
    public string? Status { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public int Unread { get; private set; }

    private string UserId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    public async Task OnGetAsync()
    {
        Unread = await Mine().CountAsync(n => n.ReadAt == null);
        Rows = await Mine().AsNoTracking()
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Take(Shown)
            .Select(n => new Row(n.Id, n.Message, n.Link, n.CreatedAt, n.ReadAt == null))
            .ToListAsync();
    }

    /// <summary>Opening a notification marks it read, then goes to its page (always a path of Vigie).</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid notification) =>
        await MarkReadAsync(notification) switch
        {
            null => NotFound(),
            var found when Url.IsLocalUrl(found.Link) => LocalRedirect(found.Link),
            _ => RedirectToPage(),
        };

    public async Task<IActionResult> OnPostReadAsync(Guid notification)
    {
        if (await MarkReadAsync(notification) is null)
        {
            return NotFound();
        }

        Status = "Notification marquée comme lue.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var count = await Mine().Where(n => n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now));
        Status = count == 0 ? "Aucune notification non lue." : "Toutes les notifications sont marquées comme lues.";
        return RedirectToPage();
    }

    /// <summary>Marks one of the user's notifications read; null when it is not theirs or does not exist.</summary>
    private async Task<Notification?> MarkReadAsync(Guid id)
    {
        var found = await Mine().FirstOrDefaultAsync(n => n.Id == id);
        if (found is not null)
        {
            found.ReadAt ??= clock.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync();
        }

        return found;
    }

    private IQueryable<Notification> Mine() => db.Notifications.Where(n => n.UserId == UserId);

    public sealed record Row(Guid Id, string Message, string Link, DateTime CreatedAt, bool Unread);
}
