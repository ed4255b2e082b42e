using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tuntas.Cli.Common;
using Tuntas.Data.Access;
using Tuntas.Data.Database;
using Tuntas.Domain.Access;

namespace Tuntas.Load;

/// <summary>
/// The load generator behind <c>scripts/load-test.sh</c>:
/// <c>setup</c> creates operator accounts and API tokens in a throw-away database,
/// <c>run</c> drives a <c>tuntas serve</c> on loopback with simulated village operators for a
/// fixed time, and <c>verify</c> checks afterwards that every write the run saw accepted is stored.
/// </summary>
internal static partial class Program
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The text every write of the run carries, so that <c>verify</c> finds them.</summary>
    private const string Marker = "uji-beban";

    public static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args.Skip(1));
        return args.FirstOrDefault() switch
        {
            "setup" => await SetupAsync(options),
            "run" => await RunAsync(options),
            "verify" => await VerifyAsync(options),
            _ => Usage(),
        };
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: tuntas-load setup --db URI --operators N --password P --accounts FILE");
        Console.Error.WriteLine("       tuntas-load run --url http://127.0.0.1:PORT --accounts FILE --password P --seconds S [--think-ms 1000-3000] [--results FILE]");
        Console.Error.WriteLine("       tuntas-load verify --db URI --results FILE");
        return 2;
    }

    private sealed record Account(string Name, string Village, string District, string Token);

    /// <summary>One operator per village that holds households (round robin when there are more operators than villages).</summary>
    private static async Task<int> SetupAsync(Options o)
    {
        var database = DatabaseUri.Parse(o["db"]);
        var count = o.Int("operators", 200);
        await using var services = new CliContext(TextReader.Null, TextWriter.Null, Console.Error, false, o["db"]).CreateServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Tuntas.Data.TuntasDbContext>();
        var villages = (await db.Households.AsNoTracking().GroupBy(h => h.VillageCode).Select(g => new { Village = g.Key, Households = g.Count() }).ToListAsync())
            .Where(v => v.Households >= 2).OrderByDescending(v => v.Households).Select(v => v.Village).ToList();
        if (villages.Count == 0)
        {
            Console.Error.WriteLine("tuntas-load: the database holds no households; load the demo first.");
            return 2;
        }

        var addUser = scope.ServiceProvider.GetRequiredService<AddUser>();
        var createToken = scope.ServiceProvider.GetRequiredService<CreateApiToken>();
        var lines = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var village = villages[i % villages.Count];
            var name = string.Create(C, $"muatan.op{i + 1:000}");
            var added = await addUser.AddAsync(name, Role.Operator, village, o["password"], "cli:" + Environment.UserName);
            if (added.Error is { } error)
            {
                Console.Error.WriteLine($"tuntas-load: could not create {name}: {error.English}");
                return 2;
            }

            var token = await createToken.CreateAsync(name, TimeSpan.FromDays(1), "cli:" + Environment.UserName);

            lines.Add($"{name},{village.Value},{village.Parent!.Value},{token.Value}");
        }

        await File.WriteAllLinesAsync(o["accounts"], lines);
        Console.Error.WriteLine(string.Create(C, $"tuntas-load: {count} operators over {Math.Min(count, villages.Count)} villages written to {o["accounts"]}."));
        return 0;
    }

    private static async Task<int> RunAsync(Options o)
    {
        var baseUri = new Uri(o["url"]);
        // Only the machine itself: this tool must never be pointed at someone else's server.
        if (!baseUri.IsLoopback)
        {
            Console.Error.WriteLine("tuntas-load: --url must be a loopback address (127.0.0.1, ::1 or localhost).");
            return 2;
        }

        var accounts = (await File.ReadAllLinesAsync(o["accounts"])).Where(l => l.Length > 0)
            .Select(l => l.Split(',')).Select(p => new Account(p[0], p[1], p[2], p[3])).ToList();
        var seconds = o.Int("seconds", 180);
        var think = o.Get("think-ms", "1000-3000").Split('-').Select(t => int.Parse(t, C)).ToArray();
        var stats = new Stats();
        var written = new ConcurrentBag<string>();
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var clock = Stopwatch.StartNew();
        var operators = accounts.Select((a, i) => Task.Run(() => OperatorAsync(a, i, baseUri, o["password"], deadline, think, stats, written))).ToList();
        await Task.WhenAll(operators);
        var elapsed = clock.Elapsed.TotalSeconds;

        var report = stats.Report(elapsed, accounts.Count);
        Console.WriteLine(report);
        if (o.Get("results", "") is { Length: > 0 } results)
        {
            await File.WriteAllLinesAsync(results, written.Order(StringComparer.Ordinal));
        }

        return stats.Errors == 0 ? 0 : 3;
    }

    private static async Task OperatorAsync(Account a, int index, Uri baseUri, string password, DateTime deadline, int[] think, Stats stats, ConcurrentBag<string> written)
    {
        var random = new Random(index + 1);
        using var handler = new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        using var api = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(60) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", a.Token);

        // Operators arrive over the first think interval, not all in the same millisecond.
        await Task.Delay(random.Next(0, think[1]));
        if (!await stats.TimeAsync("sign-in", async () =>
        {
            var token = await FormTokenAsync(client, "/masuk");
            using var response = await client.PostAsync("/masuk", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["username"] = a.Name,
                ["password"] = password,
                ["returnUrl"] = "/",
                ["__RequestVerificationToken"] = token,
            }));
            return response.StatusCode == HttpStatusCode.Redirect;
        }))
        {
            return;
        }

        var households = new List<string>();
        await stats.TimeAsync("api households list", async () =>
        {
            using var response = await api.GetAsync($"/api/v1/households?region={a.Village}");
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            households.AddRange(json.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("noKk").GetString()!));
            return households.Count > 0;
        });
        if (households.Count == 0)
        {
            return;
        }

        var writes = 0;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(random.Next(think[0], think[1] + 1));
            if (DateTime.UtcNow >= deadline)
            {
                break;
            }

            var noKk = households[random.Next(households.Count)];
            var roll = random.Next(100);
            if (roll < 25)
            {
                await stats.TimeAsync("page household", () => OkAsync(client, $"/keluarga/{noKk}"));
            }
            else if (roll < 45)
            {
                await stats.TimeAsync("api household", () => OkAsync(api, $"/api/v1/households/{noKk}"));
            }
            else if (roll < 55)
            {
                await stats.TimeAsync("api households list", () => OkAsync(api, $"/api/v1/households?region={a.Village}"));
            }
            else if (roll < 65)
            {
                await stats.TimeAsync("api regions", () => OkAsync(api, $"/api/v1/regions?parent={a.District}"));
            }
            else if (roll < 80)
            {
                await stats.TimeAsync("api dashboard", () => OkAsync(api, $"/api/v1/dashboard?region={a.Village}"));
            }
            else
            {
                // A usul through the real page: the form (for its antiforgery token), then the post.
                var description = string.Create(C, $"{Marker} {a.Name} #{++writes}: keluarga perlu dikunjungi ulang");
                var ok = await stats.TimeAsync("write usul (form + post)", async () =>
                {
                    var token = await FormTokenAsync(client, "/usul");
                    using var response = await client.PostAsync("/usul", new FormUrlEncodedContent(new Dictionary<string, string>
                    {
                        ["Input.Kind"] = "Usul",
                        ["Input.Village"] = a.Village,
                        ["Input.NoKk"] = noKk,
                        ["Input.Description"] = description,
                        ["Input.ProposerName"] = "Warga uji beban",
                        ["__RequestVerificationToken"] = token,
                    }));
                    return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/usul?terkirim=true";
                });
                if (ok)
                {
                    written.Add(description);
                }
            }
        }
    }

    private static async Task<bool> OkAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static async Task<string> FormTokenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        var token = AntiforgeryField().Match(html).Groups[1].Value;
        return response.StatusCode == HttpStatusCode.OK && token.Length > 0
            ? token
            : throw new InvalidOperationException($"{path} answered {(int)response.StatusCode} without a form");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>Every accepted write is stored exactly once, under its operator; the audit chain is checked by the script.</summary>
    private static async Task<int> VerifyAsync(Options o)
    {
        var expected = (await File.ReadAllLinesAsync(o["results"])).Where(l => l.Length > 0).ToList();
        await using var db = TuntasDatabase.CreateContext(DatabaseUri.Parse(o["db"]));
        var stored = await db.Proposals.AsNoTracking().Where(p => p.Description.StartsWith(Marker)).Select(p => new { p.Description, p.SubmittedBy }).ToListAsync();
        var missing = expected.Except(stored.Select(s => s.Description), StringComparer.Ordinal).ToList();
        var duplicated = stored.GroupBy(s => s.Description).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var wrongOwner = stored.Where(s => s.Description.Split(' ')[1] != s.SubmittedBy).ToList();
        Console.WriteLine(string.Create(C, $"writes accepted by the server: {expected.Count}; stored: {stored.Count}; missing: {missing.Count}; stored twice: {duplicated.Count}; under another operator: {wrongOwner.Count}"));
        foreach (var m in missing.Take(5))
        {
            Console.WriteLine($"  missing: {m}");
        }

        return missing.Count == 0 && duplicated.Count == 0 && wrongOwner.Count == 0 && stored.Count == expected.Count ? 0 : 3;
    }

    /// <summary>Latencies per kind of action; an action is an error when it does not answer as a browser expects.</summary>
    private sealed class Stats
    {
        private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
        private readonly ConcurrentDictionary<string, int> _errors = new();
        private readonly ConcurrentQueue<string> _samples = new();

        public int Errors => _errors.Values.Sum();

        public async Task<bool> TimeAsync(string kind, Func<Task<bool>> action)
        {
            var clock = Stopwatch.StartNew();
            bool ok;
            string? problem = null;
            try
            {
                ok = await action();
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidOperationException or JsonException)
            {
                // Counted and reported, never thrown: one failed request must not stop the operator.
                ok = false;
                problem = e.Message;
            }

            _latencies.GetOrAdd(kind, _ => []).Add(clock.Elapsed.TotalMilliseconds);
            if (!ok)
            {
                _errors.AddOrUpdate(kind, 1, (_, n) => n + 1);
                if (_samples.Count < 10)
                {
                    _samples.Enqueue($"{kind}: {problem ?? "unexpected answer"}");
                }
            }

            return ok;
        }

        public string Report(double seconds, int operators)
        {
            var lines = new List<string>
            {
                string.Create(C, $"operators: {operators}, duration: {seconds:F0} s, requests: {_latencies.Values.Sum(b => b.Count)} actions ({_latencies.Values.Sum(b => b.Count) / seconds:F1}/s), errors: {Errors}"),
                string.Create(C, $"{"action",-28} {"count",7} {"errors",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}"),
            };
            foreach (var (kind, bag) in _latencies.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                var sorted = bag.Order().ToArray();
                double P(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
                lines.Add(string.Create(C, $"{kind,-28} {sorted.Length,7} {_errors.GetValueOrDefault(kind),7} {P(0.50),8:F0} {P(0.95),8:F0} {P(0.99),8:F0} {sorted[^1],8:F0}"));
            }

            lines.AddRange(_samples.Select(s => "  error: " + s));
            return string.Join(Environment.NewLine, lines);
        }
    }

    private sealed class Options(Dictionary<string, string> values)
    {
        public string this[string name] => values.TryGetValue(name, out var v) ? v : throw new ArgumentException($"--{name} is required");

        public string Get(string name, string fallback) => values.GetValueOrDefault(name, fallback);

        public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, C) : fallback;

        public static Options Parse(IEnumerable<string> args)
        {
            var list = args.ToList();
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < list.Count; i += 2)
            {
                values[list[i].TrimStart('-')] = list[i + 1];
            }

            return new Options(values);
        }
    }
}
