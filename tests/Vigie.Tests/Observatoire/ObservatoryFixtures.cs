using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Features.Observatoire;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Observatoire;

/// <summary>A minor as an observatory test describes it: the statistical answers of a validated evaluation.</summary>
public sealed record Minor(string LastName, DateOnly Birth, DateOnly? Detected, Sex Sex = Sex.Fille, QualificationLevel? Level = QualificationLevel.EnRisque)
{
    public string FirstName { get; init; } = "Prénom";

    public string? FamilyStructure { get; init; }

    public string? PhysicalViolence { get; init; }

    public string? SexualViolence { get; init; }

    public string? SiblingRank { get; init; }

    public int? Runaways { get; init; }

    public bool? Proxenetisme { get; init; }

    public bool? Rabattage { get; init; }

    public string? Protection { get; init; }

    /// <summary>Day of the first signalement step (UTC noon), if any.</summary>
    public DateOnly? SignalementOn { get; init; }

    public DateOnly? OppOn { get; init; }

    /// <summary>No evaluation at all: only the situation is opened.</summary>
    public bool Evaluated { get; init; } = true;
}

public static class ObservatoryFixtures
{
    /// <summary>Opens the minors' situations in <paramref name="territory"/> with one validated evaluation each, as the trame would.</summary>
    public static async Task<List<Guid>> AddAsync(VigieFactory factory, Guid organisation, string territory, IEnumerable<Minor> minors)
    {
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var index = factory.Services.GetRequiredService<BlindIndex>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var ids = new List<Guid>();
        await factory.WithDbAsync(async db =>
        {
            foreach (var minor in minors)
            {
                var situation = Situation.Open(new MinorIdentity(Letters(minor.LastName), minor.FirstName, minor.Birth), minor.Sex, territory, organisation,
                    "fixture", cipher, index, now);
                db.Situations.Add(situation);
                ids.Add(situation.Id);
                if (minor.Evaluated)
                {
                    var evaluation = new Evaluation
                    {
                        SituationId = situation.Id, Number = 1, ValidatedAt = now, ValidatedById = "fixture",
                        SecretEncrypted = cipher.Encrypt("{}", Evaluation.SecretPurpose),
                        Level = minor.Level, DetectedOn = minor.Detected, FamilyStructure = minor.FamilyStructure,
                        PhysicalViolence = minor.PhysicalViolence, SexualViolence = minor.SexualViolence, SiblingRank = minor.SiblingRank,
                        RunawaysLast12Months = minor.Runaways, PolyRunaway = EvaluationStatistics.IsPolyRunaway(minor.Runaways, 3),
                        Proxenetisme = minor.Proxenetisme, Rabattage = minor.Rabattage, Protection = minor.Protection,
                    };
                    db.Evaluations.Add(evaluation);
                    situation.TakeEvaluation(evaluation, now);
                }

                foreach (var (kind, on) in new[] { (LegalStepKind.Signalement, minor.SignalementOn), (LegalStepKind.Opp, minor.OppOn) })
                {
                    if (on is { } day)
                    {
                        db.LegalSteps.Add(new LegalStep
                        {
                            SituationId = situation.Id, Kind = kind, OccurredAt = day.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc),
                            ResponsibleUserId = "fixture", RecordedById = "fixture", RecordedAt = now,
                        });
                    }
                }
            }

            await db.SaveChangesAsync();
            await MinorCounting.RefreshAllAsync(db);
        });
        return ids;
    }

    /// <summary>"Rep12" → "Repbc": the blind index keeps letters only, so numbered test names would be one minor.</summary>
    public static string Letters(string name) => string.Concat(name.Select(c => char.IsAsciiDigit(c) ? (char)('a' + (c - '0')) : c));

    public static async Task<ObservatoryReport> ComputeAsync(VigieFactory factory, ObservatoryFilter filter) =>
        await factory.WithScopeAsync(services => services.GetRequiredService<Observatory>().ComputeAsync(filter));

    public static IndicatorResult Indicator(this ObservatoryReport report, int number) => report.Indicators.Single(i => i.Number == number);

    /// <summary>The body column of a one-way table, by row label.</summary>
    public static Dictionary<string, int> Column(this IndicatorResult indicator, int table = 0, int column = 0)
    {
        var t = indicator.Tables[table].Table;
        return Enumerable.Range(0, t.Rows).ToDictionary(r => t.RowLabels[r], r => t.Value(r, column));
    }
}
