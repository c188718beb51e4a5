using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

namespace Vigie.Web.Features.Protection;

/// <summary>The DPO's filters on the audit log, shared by the page and its export.</summary>
public sealed class AuditLogFilter
{
    [FromQuery(Name = "utilisateur")]
    public string? Utilisateur { get; set; }

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "objet")]
    public string? Objet { get; set; }

    [FromQuery(Name = "identifiant")]
    public string? Identifiant { get; set; }

    [FromQuery(Name = "du")]
    public DateOnly? Du { get; set; }

    [FromQuery(Name = "au")]
    public DateOnly? Au { get; set; }

    public void Validate(ModelStateDictionary modelState)
    {
        if (Du is not null && Au is not null && Au < Du)
        {
            modelState.AddModelError("au", "La date de fin doit suivre la date de début.");
        }
    }

    public IQueryable<AuditRow> Apply(VigieDbContext db)
    {
        var entries = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(Action))
        {
            entries = entries.Where(e => e.Action == Action);
        }

        if (!string.IsNullOrWhiteSpace(Objet))
        {
            var type = Objet.Trim().ToLower();
            entries = entries.Where(e => e.RecordType != null && e.RecordType.ToLower() == type);
        }

        if (!string.IsNullOrWhiteSpace(Identifiant))
        {
            var id = Identifiant.Trim();
            entries = entries.Where(e => e.RecordId == id);
        }

        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        if (Du is { } from)
        {
            var start = TimeZoneInfo.ConvertTimeToUtc(from.ToDateTime(TimeOnly.MinValue), paris);
            entries = entries.Where(e => e.At >= start);
        }

        if (Au is { } to)
        {
            var end = TimeZoneInfo.ConvertTimeToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue), paris);
            entries = entries.Where(e => e.At < end);
        }

        if (!string.IsNullOrWhiteSpace(Utilisateur))
        {
            var term = Utilisateur.Trim().ToLower();
            var ids = db.Users.Where(u => u.DisplayName.ToLower().Contains(term) || u.Email!.ToLower().Contains(term)).Select(u => u.Id);
            entries = entries.Where(e => e.ActorId != null && ids.Contains(e.ActorId));
        }

        return AuditRow.Query(db, entries);
    }
}
