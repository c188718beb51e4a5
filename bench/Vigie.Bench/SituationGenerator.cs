using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Vigie.Web.Data;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Bench;

/// <summary>What <see cref="SituationGenerator"/> wrote.</summary>
public sealed record GeneratedData(int Situations, int Evaluations, int LegalSteps, int OverdueSteps, int Closed, int Events,
    IReadOnlyList<Guid> SampleIds, TimeSpan Elapsed);

/// <summary>
/// Fills a database with N fictitious situations that look like the real thing: French-looking
/// names (made from lists and syllables written here), minors aged 11 to 17 this year, about 85 %
/// girls, the territories of the Métropole de Lyon, a few dozen referent organisations, statuses and
/// levels spread as in practice, validated evaluations with their statistical columns, legal steps
/// (some overdue) and closed files. Identities are encrypted for real with the application's
/// <see cref="FieldCipher"/> and <see cref="BlindIndex"/> (its key folder), through the entity's own
/// methods. The same seed gives the same people, dates and statuses; ids and ciphertexts differ
/// from run to run (random GUID v7 and nonces).
/// </summary>
public sealed class SituationGenerator(IDbContextFactory<VigieDbContext> databases, FieldCipher cipher, BlindIndex index)
{
    public const string DefaultAuthor = "generateur";
    private const int BatchSize = 2_000;
    private const int SampleSize = 2_000;

    public async Task<GeneratedData> GenerateAsync(int count, int seed, DateTime now, string authorId = DefaultAuthor, TextWriter? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (now.Kind != DateTimeKind.Utc)
        {
            throw new ArgumentException("UTC expected.", nameof(now));
        }

        var watch = Stopwatch.StartNew();
        var organisations = await OrganisationsAsync(now);
        var people = new People(new Random(seed), organisations, now, authorId);
        var sample = new List<Guid>();
        int evaluations = 0, steps = 0, overdue = 0, closed = 0, events = 0;
        for (var done = 0; done < count; done += BatchSize)
        {
            var size = Math.Min(BatchSize, count - done);
            await using var db = await databases.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < size; i++)
            {
                var file = people.Next(cipher, index);
                file.Situation.SetNextDueAt(LegalStepDue.Earliest(file.Steps));
                db.Situations.Add(file.Situation);
                db.Evaluations.AddRange(file.Evaluations);
                db.LegalSteps.AddRange(file.Steps);
                db.SituationEvents.AddRange(file.Events);
                evaluations += file.Evaluations.Count;
                steps += file.Steps.Count;
                overdue += file.Steps.Count(s => s.CompletedAt is null && s.DueAt < now);
                closed += file.Situation.Status == SituationStatus.Cloturee ? 1 : 0;
                events += file.Events.Count;
                // A reservoir sample: ids spread over the whole set, for the load test to rotate over.
                var seen = done + i;
                if (sample.Count < SampleSize)
                {
                    sample.Add(file.Situation.Id);
                }
                else if (people.Random.Next(seen + 1) is var slot && slot < SampleSize)
                {
                    sample[slot] = file.Situation.Id;
                }
            }

            await db.SaveChangesAsync();
            await transaction.CommitAsync();
            if (progress is not null && (done / BatchSize) % 10 == 9)
            {
                await progress.WriteLineAsync($"  {done + size} situations ({watch.Elapsed.TotalSeconds:0} s)");
            }
        }

        await using (var db = await databases.CreateDbContextAsync())
        {
            // Two generated files may share an identity (a common name and birth date): one count per minor.
            await Vigie.Web.Features.Observatoire.MinorCounting.RefreshAllAsync(db);
        }

        return new GeneratedData(count, evaluations, steps, overdue, closed, events, sample, watch.Elapsed);
    }

    /// <summary>The referent organisations, created once (found again by name on a second run).</summary>
    private async Task<IReadOnlyList<Guid>> OrganisationsAsync(DateTime now)
    {
        await using var db = await databases.CreateDbContextAsync();
        var names = Names.Organisations.Select(o => o.Name).ToList();
        var existing = await db.Organisations.Where(o => names.Contains(o.Name)).ToDictionaryAsync(o => o.Name, o => o.Id);
        var ids = new List<Guid>();
        foreach (var (name, kind, territory) in Names.Organisations)
        {
            if (!existing.TryGetValue(name, out var id))
            {
                var organisation = Organisation.Create(name, kind, territory, null, "04 00 00 00 00", now);
                db.Organisations.Add(organisation);
                id = organisation.Id;
            }

            ids.Add(id);
        }

        await db.SaveChangesAsync();
        return ids;
    }

    private sealed record GeneratedFile(Situation Situation, List<Evaluation> Evaluations, List<LegalStep> Steps, List<SituationEvent> Events);

    /// <summary>One fictitious minor after another, from one random sequence.</summary>
    private sealed class People(Random random, IReadOnlyList<Guid> organisations, DateTime now, string author)
    {
        public Random Random => random;

        public GeneratedFile Next(FieldCipher cipher, BlindIndex index)
        {
            var sex = Pick((85, Sex.Fille), (12, Sex.Garcon), (2, Sex.Autre), (1, Sex.NonRenseigne));
            var firstName = sex == Sex.Garcon ? Any(Names.Boys) : Any(Names.Girls);
            if (random.Next(100) < 12)
            {
                firstName += "-" + (sex == Sex.Garcon ? Any(Names.Boys) : Any(Names.Girls));
            }

            var age = Pick((4, 11), (7, 12), (14, 13), (20, 14), (22, 15), (19, 16), (14, 17));
            var birth = new DateOnly(now.Year - age, 1, 1).AddDays(random.Next(365));
            if (birth > DateOnly.FromDateTime(now))
            {
                birth = birth.AddYears(-1);
            }

            // Opened in the last four years, and not before the minor was 10.
            var earliest = new[] { now.AddYears(-4), birth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddYears(10) }.Max();
            var opened = At(earliest, now.AddDays(-1));
            var situation = Situation.Open(new MinorIdentity(LastName(), firstName, birth), sex, Any(Names.Territories),
                organisations[Skewed(organisations.Count)], author, cipher, index, opened);
            var file = new GeneratedFile(situation, [], [], [SituationEvent.Of(situation.Id, opened, author, SituationEventKind.Opened)]);

            var evaluated = random.Next(100) < 68;
            var last = opened;
            if (evaluated)
            {
                var versions = Pick((70, 1), (22, 2), (8, 3));
                var detected = DateOnly.FromDateTime(opened).AddDays(-random.Next(0, 60));
                var level = random.Next(100) < 68 ? QualificationLevel.EnRisque : QualificationLevel.Averee;
                for (var n = 1; n <= versions; n++)
                {
                    last = At(last.AddDays(1), new[] { last.AddDays(120), now }.Min());
                    if (n > 1 && level == QualificationLevel.EnRisque && random.Next(100) < 30)
                    {
                        level = QualificationLevel.Averee;
                    }

                    var evaluation = NewEvaluation(situation.Id, n, last, level, detected, cipher);
                    file.Evaluations.Add(evaluation);
                    situation.TakeEvaluation(evaluation, last);
                    file.Events.Add(SituationEvent.Of(situation.Id, last, author, SituationEventKind.EvaluationValidated, n.ToString(CultureInfo.InvariantCulture)));
                }

                var status = Pick((50, SituationStatus.EnEvaluation), (32, SituationStatus.Signalee), (18, SituationStatus.SuivieEnCommission));
                if (status != SituationStatus.EnEvaluation)
                {
                    situation.MoveTo(status, last);
                    file.Events.Add(SituationEvent.Of(situation.Id, last, author, SituationEventKind.StatusChanged, status.ToString()));
                }
            }

            if (random.Next(100) < (evaluated ? 45 : 15))
            {
                AddSteps(file, opened);
            }

            if (random.Next(100) < 16)
            {
                var closedAt = At(last, now);
                var reason = age >= 17
                    ? Pick((40, ClosureReason.Majorite), (25, ClosureReason.ConduiteTerminee), (15, ClosureReason.Demenagement), (15, ClosureReason.ContactPerdu), (5, ClosureReason.Autre))
                    : Pick((45, ClosureReason.ConduiteTerminee), (25, ClosureReason.Demenagement), (22, ClosureReason.ContactPerdu), (8, ClosureReason.Autre));
                situation.Close(reason, closedAt);
                file.Events.Add(SituationEvent.Of(situation.Id, closedAt, author, SituationEventKind.Closed, reason.ToString()));
            }

            return file;
        }

        /// <summary>One to three legal steps with the due dates DOMAIN.md §2 sets; most done on time, some overdue.</summary>
        private void AddSteps(GeneratedFile file, DateTime opened)
        {
            var kinds = new List<LegalStepKind> { Pick((55, LegalStepKind.InformationPreoccupante), (30, LegalStepKind.Signalement), (15, LegalStepKind.MiseAlAbri)) };
            if (random.Next(100) < 35)
            {
                kinds.Add(LegalStepKind.Opp);
                kinds.Add(LegalStepKind.AudienceJugeEnfants);
            }

            var at = opened;
            foreach (var kind in kinds)
            {
                at = At(at, new[] { at.AddDays(30), now }.Min());
                DateTime? due = kind switch
                {
                    LegalStepKind.InformationPreoccupante => at.AddMonths(3),
                    LegalStepKind.MiseAlAbri => at.AddHours(72),
                    LegalStepKind.RecueilProvisoire => at.AddDays(5),
                    LegalStepKind.Opp => at.AddDays(8),
                    LegalStepKind.AudienceJugeEnfants => at.AddDays(15),
                    _ => null,
                };
                // Done (before or a little after the due date) unless still to come; about one in six late ones is left open.
                DateTime? completed = due is { } d && (d > now || random.Next(100) < 17) ? null : At(at, new[] { (due ?? at).AddDays(5), now }.Min());
                var step = new LegalStep
                {
                    SituationId = file.Situation.Id,
                    Kind = kind,
                    OccurredAt = at,
                    Recipient = kind is LegalStepKind.Signalement or LegalStepKind.Opp ? "Parquet des mineurs" : "CRIP",
                    DueAt = due,
                    CompletedAt = completed,
                    CompletedById = completed is null ? null : author,
                    ResponsibleUserId = author,
                    RecordedById = author,
                    RecordedAt = at,
                };
                file.Steps.Add(step);
                file.Events.Add(SituationEvent.Of(file.Situation.Id, at, author, SituationEventKind.LegalStepRecorded, kind.ToString()));
            }
        }

        private Evaluation NewEvaluation(Guid situation, int number, DateTime at, QualificationLevel level, DateOnly detected, FieldCipher cipher)
        {
            var runaways = Pick((35, 0), (20, 1), (15, 2), (30, random.Next(3, 15)));
            return new Evaluation
            {
                SituationId = situation,
                Number = number,
                ValidatedAt = at,
                ValidatedById = author,
                ClearJson = "{}",
                SecretEncrypted = cipher.Encrypt("{}", Evaluation.SecretPurpose),
                Level = level,
                DetectedOn = detected,
                DetectionSource = Any(Names.DetectionSources),
                FamilyStructure = Any(Names.FamilyStructures),
                PhysicalViolence = Any(Names.Observations),
                SexualViolence = Any(Names.Observations),
                SiblingRank = Any(Names.SiblingRanks),
                RunawaysLast12Months = runaways,
                // Poly-runaway: three runaways or more in twelve months (DOMAIN.md §1.5).
                PolyRunaway = runaways >= 3,
                Proxenetisme = random.Next(100) < 6,
                Rabattage = random.Next(100) < 4,
                Protection = Any(Names.Protections),
                Schooling = Any(Names.Schoolings),
                LivingPlace = Any(Names.LivingPlaces),
                UnaccompaniedMinor = random.Next(100) < 7,
            };
        }

        /// <summary>A family name: a common one most of the time, else two syllables, sometimes a double name.</summary>
        private string LastName()
        {
            var name = random.Next(100) < 60 ? Any(Names.FamilyNames) : Any(Names.Starts) + Any(Names.Ends);
            return random.Next(100) < 6 ? name + "-" + Any(Names.FamilyNames) : name;
        }

        private DateTime At(DateTime from, DateTime to) =>
            to <= from ? from : from.AddSeconds(random.NextInt64(0, (long)(to - from).TotalSeconds + 1));

        /// <summary>An index where the first items come up more often (a few large organisations, many small).</summary>
        private int Skewed(int count) => (int)(count * Math.Pow(random.NextDouble(), 1.8));

        private string Any(string[] items) => items[random.Next(items.Length)];

        private T Pick<T>(params (int Weight, T Value)[] choices)
        {
            var roll = random.Next(choices.Sum(c => c.Weight));
            foreach (var (weight, value) in choices)
            {
                if (roll < weight)
                {
                    return value;
                }

                roll -= weight;
            }

            return choices[^1].Value;
        }
    }
}
