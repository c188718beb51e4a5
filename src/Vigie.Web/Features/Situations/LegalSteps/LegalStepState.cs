namespace Vigie.Web.Features.Situations.LegalSteps;

public enum LegalStepState
{
    /// <summary>The law sets no deadline after this step (a signalement).</summary>
    NoDeadline,
    Due,
    Overdue,
    Done,
}

public static class LegalStepStates
{
    public static LegalStepState Of(DateTime? dueAt, DateTime? completedAt, DateTime nowUtc) =>
        completedAt is not null ? LegalStepState.Done
        : dueAt is null ? LegalStepState.NoDeadline
        : dueAt.Value < nowUtc ? LegalStepState.Overdue
        : LegalStepState.Due;
}
