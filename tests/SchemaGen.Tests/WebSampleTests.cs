using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SchemaGen.ThrowawayPostgres;

namespace SchemaGen.Tests;

/// <summary>The web sample as a real process, asked over real HTTP: it migrates as it starts, and /health/ready says whether the schema is current.</summary>
public sealed class WebSampleTests
{
    [Fact]
    public async Task The_app_migrates_as_it_starts_serves_notes_and_is_ready()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var app = WebApp.Start("--connection", connectionString);

        Assert.Equal(HttpStatusCode.OK, await app.WaitUntilRespondingAsync("/health/ready"));
        var created = await app.Http.PostAsJsonAsync("/notes", new { text = "migrated at start-up" });
        var notes = await app.Http.GetStringAsync("/notes");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains("\"text\":\"migrated at start-up\"", notes);
        Assert.Equal(HttpStatusCode.OK, (await app.Http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Started_without_migrating_it_is_not_ready_until_its_own_binary_runs_the_migrate_verb()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var app = WebApp.Start("--connection", connectionString, "--SchemaGen:Mode=Skip");

        var before = await app.WaitUntilRespondingAsync("/health/ready");
        var (exitCode, output) = await ChildProcess.RunAsync("dotnet", WebApp.Path(), "migrate", "--connection", connectionString);
        var after = await app.Http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Applied 1 migration(s) and 1 repeatable one(s)", output);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task With_the_schema_check_opted_in_a_hand_edit_makes_readiness_degraded_and_names_it()
    {
        var connectionString = await TestDatabase.CreateConnectionStringAsync();
        await using var app = WebApp.Start("--connection", connectionString, "--SchemaGen:CheckSchema=true");

        Assert.Equal(HttpStatusCode.OK, await app.WaitUntilRespondingAsync("/health/ready"));
        var clean = await app.Http.GetStringAsync("/health/ready");
        await using (var db = Npgsql.NpgsqlDataSource.Create(connectionString))
        {
            await db.ExecuteAsync("ALTER TABLE notes ADD COLUMN by_hand text");
        }

        var drifted = await app.Http.GetAsync("/health/ready");
        var body = await drifted.Content.ReadAsStringAsync();

        Assert.Contains("\"status\": \"Healthy\"", clean);
        Assert.Equal(HttpStatusCode.OK, drifted.StatusCode);
        Assert.Contains("\"status\": \"Degraded\"", body);
        Assert.Contains("\"state\": \"schema_drifted\"", body);
        Assert.Contains("extra column notes.by_hand (text)", body);
    }

    /// <summary>The sample running on a free loopback port, stopped when disposed.</summary>
    private sealed class WebApp : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task<string> _output;

        private WebApp(Process process, Uri address)
        {
            _process = process;
            _output = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            Http = new HttpClient { BaseAddress = address };
        }

        public HttpClient Http { get; }

        public static WebApp Start(params string[] arguments)
        {
            var address = new Uri($"http://127.0.0.1:{PostgresServer.FreeLoopbackPort()}");
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in (string[])[Path(), .. arguments, "--urls", address.ToString()])
            {
                start.ArgumentList.Add(argument);
            }

            return new WebApp(Process.Start(start)!, address);
        }

        /// <summary>Asks until the app answers (it listens once its start-up, migrations included, is done).</summary>
        public async Task<HttpStatusCode> WaitUntilRespondingAsync(string path)
        {
            var deadline = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    return (await Http.GetAsync(path)).StatusCode;
                }
                catch (HttpRequestException) when (deadline.Elapsed < TimeSpan.FromSeconds(60) && !_process.HasExited)
                {
                    await Task.Delay(100);
                }
                catch (HttpRequestException) when (_process.HasExited)
                {
                    throw new InvalidOperationException($"The web sample exited with {_process.ExitCode}:\n{await _output}");
                }
            }
        }

        public static string Path() => Repository.BuildOutput("samples/NotesApi", "NotesApi.dll");

        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
            _process.Dispose();
        }
    }
}
