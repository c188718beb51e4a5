using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.EntityFrameworkCore;
using Vigie.Bench;
using Vigie.Web.Data;
using Vigie.Web.Platform.Audit;

// Vigie.Bench seed   --data DIR [--entries 100000] [--provider Sqlite|Postgres --connection CS]
// Vigie.Bench generate --data DIR [--situations 100000] [--seed 20250101] [--provider ... --connection ...]
// Vigie.Bench import --data DIR [--rows 10000] [--provider ... --connection ...]
// Vigie.Bench formation --data DIR [--rows 5000] [--participations 50000] [--provider ... --connection ...]
// Vigie.Bench commission --data DIR [--items 25] [--actions 200] [--provider ... --connection ...]
// Vigie.Bench observatoire --data DIR [--runs 20] [--log-sql] [--provider ... --connection ...]
// Vigie.Bench verify --data DIR [--runs 5] [--stopwatch [--prime]] [--artifacts DIR] [--provider ... --connection ...]
const string Usage = """
    Usage:
      Vigie.Bench seed   --data DIR [--entries 100000] [--provider Sqlite|Postgres] [--connection CS]
          Creates a new database (the app's migrations) and a valid audit chain, and writes the test key
          to DIR/keys/audit-hmac.key. With SQLite the database is DIR/vigie.db.
      Vigie.Bench generate --data DIR [--situations 100000] [--seed 20250101] [--provider Sqlite|Postgres] [--connection CS]
          Creates or migrates the database and adds N fictitious situations (names encrypted with the keys of
          DIR/keys), a Coordination account for the load tests (DIR/bench-account.txt: e-mail, password,
          TOTP key) and a sample of situation ids (DIR/situation-ids.txt). Same seed, same people and dates.
      Vigie.Bench commission --data DIR [--items 25] [--actions 200] [--provider Sqlite|Postgres] [--connection CS]
          After generate: adds a published session with ITEMS agenda items (situations of the data set) and what
          the meeting recorded on them (texts, two decisions each), ACTIONS actions and 24 invitations, and writes
          its id to DIR/commission-session.txt (the load test of the live page, bench/commission-wrk.sh).
      Vigie.Bench observatoire --data DIR [--runs 20] [--log-sql] [--provider Sqlite|Postgres] [--connection CS]
          After generate: times the whole dashboard (Observatory.ComputeAsync over the last five calendar years, no
          territory or level) against one hand-written SQL statement computing the same aggregates, in alternation in
          this process, after 3 warm-up runs of each and a check that both give the same key counts (exit 2 if not).
          Prints min / median / p95 of each over RUNS runs and the ratio of the medians. With --log-sql, one computation
          each way instead, EF Core logging every command with its duration (to read the plans of the slow ones).
      Vigie.Bench verify --data DIR [--runs 5] [--stopwatch [--prime]] [--artifacts DIR] [--provider ...] [--connection CS]
          Times AuditVerifier.VerifyAsync over that data: BenchmarkDotNet (in process, 1 warm-up and
          RUNS measured runs per benchmark), or with --stopwatch a plain loop of RUNS timed runs in one
          process, the first one cold as in the operator's command (--prime: time EF Core's start-up apart first).
      Vigie.Bench pdf [--artifacts DIR] [--write DIR] [--stopwatch [--runs 150]]
          Times SignalementPdf.Render on a typical (about 2 pages) and a ten-page fictitious signalement with
          BenchmarkDotNet (in process, memory diagnoser), after printing each sample's page count. With --write,
          writes the samples (and a watermarked one) to DIR instead, with the time each render took
          (to look at them: pdftoppm -r 60 -png DIR/signalement-typical.pdf DIR/typical). With --stopwatch, a plain
          loop instead: RUNS rounds rendering each sample and a one-sentence document in turn; min and median.
      Vigie.Bench import --data DIR [--rows 10000] [--provider Sqlite|Postgres] [--connection CS]
          Writes DIR/import-N.xlsx, N fictitious lines in the import template's columns, then times the dry run
          and the commit (one transaction) through SituationImporter, the service of /observatoire/import.
      Vigie.Bench formation --data DIR [--rows 5000] [--participations 50000] [--provider Sqlite|Postgres] [--connection CS]
          On a new database: adds fictitious training sessions from December 2020 with exactly PARTICIPATIONS participations,
          times the recomputation of the distinct people (the figures by employer category and year, and the review of likely
          duplicates; 5 runs after a warm-up), then writes DIR/emargement-N.xlsx (people known by e-mail, by name only, and new)
          and times its dry run, its commit (one transaction) and the same sheet again through AttendanceImporter.
      Vigie.Bench outbox [--messages 1000]
          Sends N outbox messages (100 KB attachment each) from a new SQLite database in a temporary folder to an
          SMTP server in this process on 127.0.0.1; prints messages per second and the enqueue-to-accepted delays.
    """;

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine(Usage);
    return args.Length == 0 ? 64 : 0;
}

if (args[0] == "outbox")
{
    return await OutboxBenchmark.RunAsync(args[1..], Console.Out);
}

var options = new Dictionary<string, string>(StringComparer.Ordinal);
var switches = new HashSet<string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (args[i] is "--stopwatch" or "--prime" or "--log-sql")
    {
        switches.Add(args[i]);
    }
    else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
    {
        options[args[i]] = args[++i];
    }
    else
    {
        await Console.Error.WriteLineAsync($"Unknown argument: {args[i]}\n{Usage}");
        return 64;
    }
}

if (args[0] == "pdf")
{
    return PdfCommand(options, switches.Contains("--stopwatch"));
}

if (!options.TryGetValue("--data", out var data))
{
    await Console.Error.WriteLineAsync($"--data is required.\n{Usage}");
    return 64;
}

var target = new BenchTarget(
    Path.GetFullPath(data),
    Enum.Parse<DatabaseProvider>(options.GetValueOrDefault("--provider", nameof(DatabaseProvider.Sqlite)), ignoreCase: true),
    options.GetValueOrDefault("--connection"));
var runs = int.Parse(options.GetValueOrDefault("--runs", "5"), System.Globalization.CultureInfo.InvariantCulture);
if (runs is < 1 or > 100)
{
    await Console.Error.WriteLineAsync("--runs must be between 1 and 100.");
    return 64;
}

switch (args[0])
{
    case "seed":
        var entries = int.Parse(options.GetValueOrDefault("--entries", "100000"), System.Globalization.CultureInfo.InvariantCulture);
        await AuditSeeder.SeedAsync(target, entries, Console.Out);
        return 0;

    case "generate":
        var situations = int.Parse(options.GetValueOrDefault("--situations", "100000"), System.Globalization.CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("--seed", "20250101"), System.Globalization.CultureInfo.InvariantCulture);
        if (situations is < 1 or > 5_000_000)
        {
            await Console.Error.WriteLineAsync("--situations must be between 1 and 5000000.");
            return 64;
        }

        await SituationSeeder.SeedAsync(target, situations, seed, Console.Out);
        return 0;

    case "commission":
        var items = int.Parse(options.GetValueOrDefault("--items", "25"), System.Globalization.CultureInfo.InvariantCulture);
        var actions = int.Parse(options.GetValueOrDefault("--actions", "200"), System.Globalization.CultureInfo.InvariantCulture);
        if (items is < 1 or > 200 || actions is < 0 or > 10_000)
        {
            await Console.Error.WriteLineAsync("--items must be between 1 and 200, --actions between 0 and 10000.");
            return 64;
        }

        await CommissionSeeder.SeedAsync(target, items, actions, Console.Out);
        return 0;

    case "import":
        var rows = int.Parse(options.GetValueOrDefault("--rows", "10000"), System.Globalization.CultureInfo.InvariantCulture);
        if (rows is < 1 or > 100_000)
        {
            await Console.Error.WriteLineAsync("--rows must be between 1 and 100000.");
            return 64;
        }

        return await ImportBenchmark.RunAsync(target, rows, Console.Out);

    case "formation":
        var sheetRows = int.Parse(options.GetValueOrDefault("--rows", "5000"), System.Globalization.CultureInfo.InvariantCulture);
        var participations = int.Parse(options.GetValueOrDefault("--participations", "50000"), System.Globalization.CultureInfo.InvariantCulture);
        if (sheetRows is < 1 or > 100_000 || participations is < 100 or > 5_000_000)
        {
            await Console.Error.WriteLineAsync("--rows must be between 1 and 100000, --participations between 100 and 5000000.");
            return 64;
        }

        return await FormationBenchmark.RunAsync(target, sheetRows, participations, Console.Out);

    case "observatoire":
        return await ObservatoryBenchmark.RunAsync(target, options.ContainsKey("--runs") ? runs : 20, switches.Contains("--log-sql"), Console.Out);

    case "verify" when switches.Contains("--stopwatch"):
        return await StopwatchVerifyAsync(target, runs, switches.Contains("--prime"));

    case "verify":
        BenchTargetFromEnvironment.Write(target);
        var artifacts = Path.GetFullPath(options.GetValueOrDefault("--artifacts", Path.Combine(Path.GetTempPath(), "vigie-bench-artifacts")));
        // Macro-benchmark: each measured iteration is one full verification (RunStrategy.Monitoring).
        // In process: no generated project to build, and the data folder is shared through the environment.
        var job = Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(runs)
            .WithToolchain(InProcessEmitToolchain.Instance);
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithArtifactsPath(artifacts)
            .WithOptions(ConfigOptions.DisableLogFile);
        if (target.Provider != DatabaseProvider.Sqlite)
        {
            config = config.AddFilter(new BenchmarkDotNet.Filters.SimpleFilter(
                b => b.Descriptor.WorkloadMethod.Name != nameof(AuditVerifyBenchmarks.ReadRawSqlite)));
        }

        var summary = BenchmarkRunner.Run<AuditVerifyBenchmarks>(config);
        return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;

    default:
        await Console.Error.WriteLineAsync($"Unknown command: {args[0]}\n{Usage}");
        return 64;
}

// Either writes the sample PDF files (with the time each render took, the first one paying for the
// fonts and the JIT), or benchmarks their rendering: a micro-benchmark, in process like the
// verification benchmark, 5 warm-up and 30 measured iterations of many renders each.
static int PdfCommand(Dictionary<string, string> options, bool stopwatch)
{
    var created = SignalementSamples.CreatedAt;
    var samples = new (string Name, Vigie.Web.Features.Signalements.Documents.SignalementDocument Document, string? Watermark)[]
    {
        ("typical", SignalementSamples.Typical(), null),
        ("ten-pages", SignalementSamples.TenPages(), null),
        ("watermarked", SignalementSamples.Typical(), SignalementPdfBenchmarks.Watermark),
    };
    if (options.TryGetValue("--write", out var folder))
    {
        Directory.CreateDirectory(folder);
        foreach (var (name, document, watermark) in samples)
        {
            var watch = Stopwatch.StartNew();
            var pdf = Vigie.Web.Features.Signalements.Documents.SignalementPdf.Render(document, new(created, watermark));
            watch.Stop();
            var path = Path.Combine(folder, $"signalement-{name}.pdf");
            File.WriteAllBytes(path, pdf);
            Console.WriteLine($"{path}: {PageCount(pdf)} pages, {pdf.Length:N0} bytes, rendered in {watch.Elapsed.TotalMilliseconds:0.0} ms");
        }

        return 0;
    }

    foreach (var (name, document, watermark) in samples)
    {
        var pdf = Vigie.Web.Features.Signalements.Documents.SignalementPdf.Render(document, new(created, watermark));
        Console.WriteLine($"Sample {name}: {PageCount(pdf)} pages, {pdf.Length:N0} bytes");
    }

    if (stopwatch)
    {
        return StopwatchPdf(samples, int.Parse(options.GetValueOrDefault("--runs", "150"), System.Globalization.CultureInfo.InvariantCulture));
    }

    var job = Job.Default
        .WithWarmupCount(5)
        .WithIterationCount(30)
        .WithToolchain(InProcessEmitToolchain.Instance);
    var config = DefaultConfig.Instance
        .AddJob(job)
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.P95)
        .WithArtifactsPath(Path.GetFullPath(options.GetValueOrDefault("--artifacts", Path.Combine(Path.GetTempPath(), "vigie-bench-artifacts"))))
        .WithOptions(ConfigOptions.DisableLogFile);
    var summary = BenchmarkRunner.Run<SignalementPdfBenchmarks>(config);
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

// The samples and a one-page document of one sentence, rendered in turn (so that a busy moment
// weighs on all alike) after 30 warm-up rounds; the minimum is the figure least disturbed by the load.
static int StopwatchPdf(
    (string Name, Vigie.Web.Features.Signalements.Documents.SignalementDocument Document, string? Watermark)[] samples, int runs)
{
    if (runs is < 1 or > 10_000)
    {
        Console.Error.WriteLine("--runs must be between 1 and 10000.");
        return 64;
    }

    var typical = samples[0].Document;
    var oneSentence = typical with
    {
        Minor = [],
        Authors = [],
        Sections = [new(1, "Faits constatés", [new Vigie.Web.Features.Signalements.Documents.TextParagraph("Une phrase.")])],
    };
    var cases = new List<(string Name, Vigie.Web.Features.Signalements.Documents.SignalementDocument Document, string? Watermark)>
    {
        ("one sentence", oneSentence, null),
    };
    cases.AddRange(samples);
    cases.Add(("ten-pages, watermarked", samples[1].Document, SignalementPdfBenchmarks.Watermark));
    var times = cases.Select(_ => new List<double>()).ToList();
    for (var round = -30; round < runs; round++)
    {
        for (var i = 0; i < cases.Count; i++)
        {
            var watch = Stopwatch.StartNew();
            _ = Vigie.Web.Features.Signalements.Documents.SignalementPdf.Render(cases[i].Document, new(SignalementSamples.CreatedAt, cases[i].Watermark));
            if (round >= 0)
            {
                times[i].Add(watch.Elapsed.TotalMilliseconds);
            }
        }
    }

    for (var i = 0; i < cases.Count; i++)
    {
        var sorted = times[i].Order().ToList();
        Console.WriteLine($"{cases[i].Name}: min {sorted[0]:0.00} ms, median {sorted[sorted.Count / 2]:0.00} ms, max {sorted[^1]:0.00} ms (n={runs})");
    }

    return 0;
}

static int PageCount(byte[] pdf)
{
    using var stream = new MemoryStream(pdf);
    using var document = PdfSharp.Pdf.IO.PdfReader.Open(stream, PdfSharp.Pdf.IO.PdfDocumentOpenMode.Import);
    return document.PageCount;
}

// A bounded loop of timed verifications, in one process (the first one pays JIT and cold caches).
// With prime, EF Core's start-up (model, first connection, first query) is timed apart first.
static async Task<int> StopwatchVerifyAsync(BenchTarget target, int runs, bool prime)
{
    await using var host = BenchHost.Build(target);
    var verifier = host.Services.GetRequiredService<AuditVerifier>();
    if (prime)
    {
        var primeWatch = Stopwatch.StartNew();
        var factory = host.Services.GetRequiredService<IDbContextFactory<VigieDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        _ = db.Model; // builds the model (Identity's entities and Vigie's)
        var model = primeWatch.Elapsed;
        await db.Database.OpenConnectionAsync();
        var connection = primeWatch.Elapsed;
        var count = await db.AuditEntries.CountAsync();
        var total = primeWatch.Elapsed;
        Console.WriteLine($"EF Core start-up: {total.TotalMilliseconds:0} ms = context and model {model.TotalMilliseconds:0} ms"
            + $" + first connection {(connection - model).TotalMilliseconds:0} ms + first query (COUNT of {count}) {(total - connection).TotalMilliseconds:0} ms");
    }

    var times = new List<double>();
    for (var run = 1; run <= runs; run++)
    {
        var watch = Stopwatch.StartNew();
        var result = await verifier.VerifyAsync();
        watch.Stop();
        if (!result.IsIntact)
        {
            await Console.Error.WriteLineAsync($"Chain broken: {result.Problem}");
            return 2;
        }

        times.Add(watch.Elapsed.TotalMilliseconds);
        Console.WriteLine($"run {run}: {result.EntriesChecked} entries verified in {watch.Elapsed.TotalMilliseconds:0} ms");
    }

    var sorted = times.Order().ToList();
    var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    Console.WriteLine($"VerifyAsync: min {sorted[0]:0} ms, median {median:0} ms, max {sorted[^1]:0} ms (n={runs}, first run included)");
    return 0;
}
