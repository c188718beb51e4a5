namespace Vigie.Web.Features.Situations.Timeline;

/// <summary>
/// The extension point of the timeline ("vision panoptique"): a module that has something to say
/// about what happened on a situation registers one source
/// (<c>services.AddScoped&lt;ITimelineSource, MySource&gt;()</c>); the timeline page reads every
/// registered source, merges and sorts their entries, and resolves the actors' names in one query.
/// <para>
/// The page calls a source only for a situation the user may see (scope already checked), one
/// source after the other on the request's DbContext. A source reads its own rows for that
/// situation, never another situation's, and leaves out what its module hides from users who can
/// see the situation.
/// </para>
/// </summary>
public interface ITimelineSource
{
    Task<IReadOnlyList<TimelineEntry>> ReadAsync(Guid situationId, CancellationToken cancellationToken);
}

/// <summary>
/// One line of the timeline. <see cref="At"/> is UTC; <see cref="Category"/> is the French name of
/// the rubric (used by the filter); <see cref="ActorId"/> is a user id the page turns into a name,
/// introduced by <see cref="ActorCaption"/>. <see cref="Alert"/> is a short state in words ("À venir",
/// "En retard"); <see cref="Urgent"/> marks it as something to act upon now (highlighted, and said
/// in words, not with colour alone).
/// </summary>
public sealed record TimelineEntry(DateTime At, string Category, string Title)
{
    public string? Detail { get; init; }

    public string? ActorId { get; init; }

    public string ActorCaption { get; init; } = "Par";

    public string? Alert { get; init; }

    public bool Urgent { get; init; }
}
