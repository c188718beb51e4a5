using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;

namespace Vigie.Web.Features.Formation;

/// <summary>Why two people are proposed for review.</summary>
public enum DuplicateReason
{
    /// <summary>The same normalised name, kept apart (different e-mails, or several people of that name).</summary>
    SameName,

    /// <summary>Names a typing slip apart (edit distance ≤ 2, same initials) at the same employer.</summary>
    CloseNameSameEmployer,
}

/// <summary>A person as the review screen shows them.</summary>
public sealed record ReviewedPerson(Guid Id, string FirstName, string LastName, string? Email, string Employer, EmployerCategory Category, int Sessions);

public sealed record DuplicatePair(ReviewedPerson First, ReviewedPerson Second, DuplicateReason Reason);

/// <summary>
/// The likely duplicates among the people trained, and Coordination's two answers: merge them (the
/// participations move to the person kept, the other becomes an alias whose e-mail still leads to it)
/// or mark them distinct (remembered: the pair is not proposed again).
/// </summary>
public sealed class DuplicateReview(VigieDbContext db)
{
    public const int MaxDistance = 2;

    /// <summary>Pairs listed at most (the review is done in several passes beyond).</summary>
    public const int MaxPairs = 200;

    public async Task<IReadOnlyList<DuplicatePair>> CandidatesAsync(CancellationToken cancellationToken = default)
    {
        var people = await db.TrainedPeople.AsNoTracking().Where(p => p.MergedIntoId == null)
            .Select(p => new { p.Id, p.NormalisedName, p.NormalisedEmployer })
            .ToListAsync(cancellationToken);
        var distinct = (await db.TrainedPersonDistinctions.AsNoTracking().Select(d => new { d.FirstPersonId, d.SecondPersonId }).ToListAsync(cancellationToken))
            .Select(d => (d.FirstPersonId, d.SecondPersonId)).ToHashSet();

        var pairs = new List<(Guid A, Guid B, DuplicateReason Reason)>();
        var seen = new HashSet<(Guid, Guid)>();
        void Propose(Guid one, Guid other, DuplicateReason reason)
        {
            var key = Ordered(one, other);
            if (pairs.Count < MaxPairs && !distinct.Contains(key) && seen.Add(key))
            {
                pairs.Add((key.Item1, key.Item2, reason));
            }
        }

        foreach (var group in people.GroupBy(p => p.NormalisedName).Where(g => g.Count() > 1))
        {
            var members = group.OrderBy(p => p.Id).ToList();
            for (var i = 0; i < members.Count; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    Propose(members[i].Id, members[j].Id, DuplicateReason.SameName);
                }
            }
        }

        // Close names are looked for among people of the same employer whose last and first names start
        // with the same letters (a slip rarely hits a first letter), which keeps a large employer's group affordable.
        foreach (var group in people.GroupBy(p => (p.NormalisedEmployer, Initials(p.NormalisedName))).Where(g => g.Count() > 1))
        {

            var members = group.OrderBy(p => p.NormalisedName, StringComparer.Ordinal).ThenBy(p => p.Id).ToList();
            for (var i = 0; i < members.Count && pairs.Count < MaxPairs; i++)
            {
                for (var j = i + 1; j < members.Count; j++)
                {
                    var a = members[i].NormalisedName;
                    var b = members[j].NormalisedName;
                    if (a != b && PersonKeys.Distance(a, b, MaxDistance) <= MaxDistance)
                    {
                        Propose(members[i].Id, members[j].Id, DuplicateReason.CloseNameSameEmployer);
                    }
                }
            }
        }

        var ids = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct().ToList();
        var shown = await PeopleAsync(ids, cancellationToken);
        return pairs.Select(p => new DuplicatePair(shown[p.A], shown[p.B], p.Reason)).ToList();
    }

    public async Task<Dictionary<Guid, ReviewedPerson>> PeopleAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<Guid, ReviewedPerson>();
        foreach (var chunk in ids.Chunk(500))
        {
            var found = await db.TrainedPeople.AsNoTracking().Where(p => chunk.Contains(p.Id))
                .Select(p => new ReviewedPerson(p.Id, p.FirstName, p.LastName, p.Email, p.Employer, p.Category,
                    db.TrainingParticipations.Count(t => t.PersonId == p.Id)))
                .ToListAsync(cancellationToken);
            foreach (var person in found)
            {
                result[person.Id] = person;
            }
        }

        return result;
    }

    /// <summary>Merges <paramref name="mergedId"/> into <paramref name="keptId"/>; false when either is unknown or already merged.</summary>
    public async Task<bool> MergeAsync(Guid keptId, Guid mergedId, CancellationToken cancellationToken = default)
    {
        if (keptId == mergedId)
        {
            return false;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var both = await db.TrainedPeople.Where(p => (p.Id == keptId || p.Id == mergedId) && p.MergedIntoId == null).ToListAsync(cancellationToken);
        if (both.Count != 2)
        {
            return false;
        }

        var kept = both.Single(p => p.Id == keptId);
        var merged = both.Single(p => p.Id == mergedId);
        var keptSessions = await db.TrainingParticipations.Where(p => p.PersonId == keptId).Select(p => p.SessionId).ToListAsync(cancellationToken);
        foreach (var participation in await db.TrainingParticipations.Where(p => p.PersonId == mergedId).ToListAsync(cancellationToken))
        {
            if (keptSessions.Contains(participation.SessionId))
            {
                db.TrainingParticipations.Remove(participation); // both attended the same session: once
            }
            else
            {
                participation.MoveTo(keptId);
            }
        }

        foreach (var alias in await db.TrainedPeople.Where(p => p.MergedIntoId == mergedId).ToListAsync(cancellationToken))
        {
            alias.RedirectAlias(kept);
        }

        db.TrainedPersonDistinctions.RemoveRange(await db.TrainedPersonDistinctions
            .Where(d => d.FirstPersonId == mergedId || d.SecondPersonId == mergedId).ToListAsync(cancellationToken));
        merged.MergeInto(kept);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Remembers that the two are different people; false when either is unknown or merged.</summary>
    public async Task<bool> MarkDistinctAsync(Guid one, Guid other, string userId, DateTime now, CancellationToken cancellationToken = default)
    {
        if (one == other || await db.TrainedPeople.CountAsync(p => (p.Id == one || p.Id == other) && p.MergedIntoId == null, cancellationToken) != 2)
        {
            return false;
        }

        var (first, second) = Ordered(one, other);
        if (!await db.TrainedPersonDistinctions.AnyAsync(d => d.FirstPersonId == first && d.SecondPersonId == second, cancellationToken))
        {
            db.TrainedPersonDistinctions.Add(TrainedPersonDistinction.Of(one, other, userId, now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    /// <summary>"dupont|marie" → "dm".</summary>
    private static string Initials(string normalisedName)
    {
        var bar = normalisedName.IndexOf('|', StringComparison.Ordinal);
        return string.Concat(normalisedName[..Math.Min(1, bar)], normalisedName.Length > bar + 1 ? normalisedName[(bar + 1)..(bar + 2)] : "");
    }

    private static (Guid, Guid) Ordered(Guid one, Guid other) => TrainedPersonDistinction.Order(one, other);
}
