using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vigie.Web.Data;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Observatoire;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Statistics;

namespace Vigie.Bench;

/// <summary>
/// The <c>observatoire</c> command: times the whole dashboard (<see cref="Observatory.ComputeAsync"/>)
/// against one hand-written SQL statement computing the same aggregates, in the same process, in
/// alternation, after checking that both give the same counts.
/// </summary>
public static class ObservatoryBenchmark
{
    private const int WarmUps = 3;

    public static async Task<int> RunAsync(BenchTarget target, int runs, bool logSql, TextWriter output)
    {
        await using var host = BenchHost.Build(target, configure: logSql
            ? builder => builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information)
            : null);
        // As the app does at start: pending migrations, and on SQLite PRAGMA optimize (fresh statistics).
        await host.Services.PrepareDatabaseAsync();
        var factory = host.Services.GetRequiredService<IDbContextFactory<VigieDbContext>>();
        var today = DateOnly.FromDateTime(Vigie.Web.Platform.Web.ParisTime.ToLocal(DateTime.UtcNow));
        // Five calendar years ending this year: every generated situation (opened in the last four years).
        var filter = new ObservatoryFilter(new DateOnly(today.Year - 4, 1, 1), new DateOnly(today.Year, 12, 31), null, null);

        await using (var db = await factory.CreateDbContextAsync())
        {
            var situations = await db.Situations.CountAsync();
            var steps = await db.LegalSteps.CountAsync();
            var megabytes = await DatabaseSizeAsync(db, target) / 1048576.0;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{target.Provider}: {situations:N0} situations, {steps:N0} legal steps, database {megabytes:N0} MB; "
                + $"filter {filter.Describe()}; load average {LoadAverage()}"));
        }

        if (logSql)
        {
            var once = await TimeObservatoryAsync(factory, filter);
            var sql = await TimeHandWrittenAsync(factory, target.Provider, filter);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"One cold computation each: Observatory.ComputeAsync {once.Milliseconds:0} ms, hand-written SQL {sql.Milliseconds:0} ms (its own command is not logged)."));
            return 0;
        }

        // Warm-up, then the check: the same numbers both ways, or no figure at all.
        ObservatoryReport? report = null;
        HandWritten? hand = null;
        for (var i = 0; i < WarmUps; i++)
        {
            report = (await TimeObservatoryAsync(factory, filter)).Report;
            hand = (await TimeHandWrittenAsync(factory, target.Provider, filter)).Result;
        }

        var problems = Compare(report!, hand!);
        if (problems.Count > 0)
        {
            await Console.Error.WriteLineAsync("The hand-written SQL and Observatory.ComputeAsync disagree:\n  " + string.Join("\n  ", problems));
            return 2;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"Same numbers both ways: population {hand!.Population:N0}, girls {hand.Girls:N0}, with a signalement {hand.WithStep("Signalement"):N0}, "
            + $"age known {hand.AgeKnown:N0} (median {hand.AgeMedianMonths} months), delay known {hand.DelayKnown:N0} (median {hand.DelayMedianDays} days)."));

        List<double> observatory = [], handWritten = [], observatoryCpu = [], handWrittenCpu = [];
        for (var run = 0; run < runs; run++)
        {
            // Alternate which one goes first, so that a busy moment or a warm cache favours neither.
            for (var turn = 0; turn < 2; turn++)
            {
                if ((run + turn) % 2 == 0)
                {
                    var (_, ms, cpu) = await TimeObservatoryAsync(factory, filter);
                    observatory.Add(ms);
                    observatoryCpu.Add(cpu);
                }
                else
                {
                    var (_, ms, cpu) = await TimeHandWrittenAsync(factory, target.Provider, filter);
                    handWritten.Add(ms);
                    handWrittenCpu.Add(cpu);
                }
            }
        }

        var a = Summary(observatory);
        var b = Summary(handWritten);
        // This process's CPU time: all the work with SQLite (in process), only the client's share with PostgreSQL.
        var cpuA = Summary(observatoryCpu).Median;
        var cpuB = Summary(handWrittenCpu).Median;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"(a) Observatory.ComputeAsync: min {a.Min:0.0} ms, median {a.Median:0.0} ms, p95 {a.P95:0.0} ms (n={runs}); this process's CPU, median {cpuA:0} ms"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"(b) hand-written SQL:          min {b.Min:0.0} ms, median {b.Median:0.0} ms, p95 {b.P95:0.0} ms (n={runs}); this process's CPU, median {cpuB:0} ms"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"ratio median(a)/median(b): {a.Median / b.Median:0.00}; load average {LoadAverage()}"));
        return 0;
    }

    private static readonly Process Self = Process.GetCurrentProcess();

    private static double CpuMilliseconds()
    {
        Self.Refresh();
        return Self.TotalProcessorTime.TotalMilliseconds;
    }

    private static async Task<(ObservatoryReport Report, double Milliseconds, double Cpu)> TimeObservatoryAsync(IDbContextFactory<VigieDbContext> factory, ObservatoryFilter filter)
    {
        var cpu = CpuMilliseconds();
        var watch = Stopwatch.StartNew();
        // A new context per computation, as a request gets its own scope.
        await using var db = await factory.CreateDbContextAsync();
        var observatory = new Observatory(db, factory, TimeProvider.System, Options.Create(new CommissionOptions()), Options.Create(new TrameOptions()));
        var report = await observatory.ComputeAsync(filter);
        return (report, watch.Elapsed.TotalMilliseconds, CpuMilliseconds() - cpu);
    }

    private static async Task<(HandWritten Result, double Milliseconds, double Cpu)> TimeHandWrittenAsync(IDbContextFactory<VigieDbContext> factory,
        DatabaseProvider provider, ObservatoryFilter filter)
    {
        var cpu = CpuMilliseconds();
        var watch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.Postgres ? ObservatorySql.Postgres : ObservatorySql.Sqlite;
        Add(command, "from", filter.From);
        Add(command, "to", filter.To);
        // The commission's period: Paris days, as UTC instants.
        Add(command, "start", Vigie.Web.Platform.Web.ParisTime.ToUtc(filter.From.ToDateTime(TimeOnly.MinValue)));
        Add(command, "end", Vigie.Web.Platform.Web.ParisTime.ToUtc(filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue)));
        var rows = new List<(string Part, string? Key1, string? Key2, long Count)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : Convert.ToString(reader.GetValue(1), CultureInfo.InvariantCulture),
                    reader.IsDBNull(2) ? null : Convert.ToString(reader.GetValue(2), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(3), CultureInfo.InvariantCulture)));
            }
        }

        var result = new HandWritten(rows);
        return (result, watch.Elapsed.TotalMilliseconds, CpuMilliseconds() - cpu);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    /// <summary>The key counts both ways; each difference is one line.</summary>
    private static List<string> Compare(ObservatoryReport report, HandWritten hand)
    {
        var problems = new List<string>();
        void Same(string what, object? expected, object? actual)
        {
            if (!Equals(expected, actual))
            {
                problems.Add($"{what}: Observatory {expected ?? "null"}, hand-written {actual ?? "null"}");
            }
        }

        CountTable Table(string key) => report.Indicators.Single(i => i.Key == key).Tables[0].Table;
        IndicatorFigure Figure(string key) => report.Indicators.Single(i => i.Key == key).Figures[0];

        Same("population", report.Population, hand.Population);
        Same("girls", Table("sexe").Value(0, 0), hand.Girls);
        var years = Table("nouvelles");
        Same("new situations, all years and levels", years.Value(years.Rows, years.Columns), (int)hand.Sum("year_level"));
        Same("prostitution avérée (all years)", years.Value(years.Rows, 1), (int)hand.Sum("year_level", k2: "Averee"));
        var births = Table("naissance");
        Same("birth years (rows)", births.Rows, hand.Rows("birth_year").Count);
        Same("most recent birth year", births.Rows == 0 ? null : births.Value(0, 0), hand.Rows("birth_year").OrderByDescending(r => int.Parse(r.Key1!, CultureInfo.InvariantCulture)).Select(r => (int?)r.Count).FirstOrDefault());
        var steps = Table("signalements");
        string[] kinds = ["Signalement", "InformationPreoccupante", "Opp", "AudienceJugeEnfants"];
        for (var i = 0; i < kinds.Length; i++)
        {
            Same($"situations with a step {kinds[i]}", steps.Value(i, 0), hand.WithStep(kinds[i]));
        }

        var age = Figure("age");
        Same("age at detection: situations with both months", age.Population, hand.AgeKnown);
        Same("age at detection: median (years)", age.Value, hand.AgeMedianMonths is { } m ? Math.Round(m / 12.0, 1, MidpointRounding.AwayFromZero) : (double?)null);
        var delay = Figure("signalements");
        Same("delay to the first signalement: situations", delay.Population, hand.DelayKnown);
        Same("delay to the first signalement: median (days)", delay.Value, hand.DelayMedianDays is { } d ? Math.Round(d, 1, MidpointRounding.AwayFromZero) : (double?)null);
        var completeness = Table("completude");
        Same("completeness: birth month filled", completeness.Value(1, 0), (int)hand.Sum("filled", "BirthMonth"));
        Same("completeness: schooling filled", completeness.Value(14, 0), (int)hand.Sum("filled", "Schooling"));
        Same("victim-authors (either)", Table("victimes_auteurs").Value(2, 0), hand.VictimAuthors);
        var commission = Table("commission");
        Same("situations presented to the commission", commission.Value(3, 0), (int)hand.Sum("presented"));
        Same("mobile team's active file", Table("equipe_mobile").Value(3, 0), (int)hand.Sum("active"));
        return problems;
    }

    private static (double Min, double Median, double P95) Summary(List<double> times)
    {
        var sorted = times.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        // Nearest rank.
        var p95 = sorted[Math.Max(0, (int)Math.Ceiling(0.95 * sorted.Count) - 1)];
        return (sorted[0], median, p95);
    }

    private static async Task<long> DatabaseSizeAsync(VigieDbContext db, BenchTarget target)
    {
        if (target.Provider == DatabaseProvider.Sqlite)
        {
            var connection = db.Database.GetDbConnection();
            return new FileInfo(connection.DataSource).Length;
        }

        return await db.Database.SqlQueryRaw<long>("SELECT pg_database_size(current_database()) AS \"Value\"").SingleAsync();
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    /// <summary>The rows of the hand-written statement (part, key, second key, count) and what the check reads from them.</summary>
    private sealed class HandWritten(List<(string Part, string? Key1, string? Key2, long Count)> rows)
    {
        public List<(string Part, string? Key1, string? Key2, long Count)> Rows(string part) => rows.Where(r => r.Part == part).ToList();

        public long Sum(string part, string? k1 = null, string? k2 = null) =>
            rows.Where(r => r.Part == part && (k1 is null || r.Key1 == k1) && (k2 is null || r.Key2 == k2)).Sum(r => r.Count);

        public int Population => (int)Sum("filled", "Total");

        public int Girls => (int)Sum("sex", "Fille");

        public int WithStep(string kind) => (int)Sum("step", kind);

        public int AgeKnown => (int)Rows("age_months").Where(r => r.Key1 is not null).Sum(r => r.Count);

        public double? AgeMedianMonths => Medians.Median(Rows("age_months").Where(r => r.Key1 is not null).Select(r => (int.Parse(r.Key1!, CultureInfo.InvariantCulture), (int)r.Count)));

        /// <summary>Counted as such on SQLite, from the (proxénétisme, rabattage) groups on PostgreSQL.</summary>
        public int VictimAuthors => Rows("victim").Count > 0
            ? (int)Sum("victim", "1")
            : (int)Rows("prox_rab").Where(r => r.Key1 is "1" or "true" || r.Key2 is "1" or "true").Sum(r => r.Count);

        public int DelayKnown => (int)Sum("delay_days");

        public double? DelayMedianDays => Medians.Median(Rows("delay_days").Select(r => (int.Parse(r.Key1!, CultureInfo.InvariantCulture), (int)r.Count)));
    }
}
