using System.Text.Json;
using SchemaGen.Hosting;

namespace SchemaGen.Tests;

/// <summary>
/// The verbs as a user meets them: the audit-log sample's own binary run as a real process. What help lists, what a typo
/// gets, and the JSON each verb prints, checked against its documented shape.
/// </summary>
public class VerbProcessTests
{
    private static readonly string App = Repository.BuildOutput("samples/AuditLog", "AuditLog.dll");

    private static Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] arguments)
        => ChildProcess.RunAsync("dotnet", new Dictionary<string, string>(), [App, .. arguments]);

    [Fact]
    public async Task Help_lists_every_verb_with_a_line_each_however_it_is_asked_for()
    {
        var help = await RunAsync("help");
        var dashes = await RunAsync("--help");
        var verb = await RunAsync("help", "migrate");

        Assert.Equal((0, ""), (help.ExitCode, help.Error));
        Assert.StartsWith("AuditLog: SchemaGen's verbs for this app's 3 migration(s), the newest 003_security_events.\n", help.Output);
        foreach (var name in MigrationCommands.Verbs)
        {
            Assert.Matches($@"(?m)^  {name} +\S.*$", help.Output);
        }

        Assert.Contains("Exit codes: 0 done; 1 failed (verify: migrations pending); 2 verify: a migration failed or was edited; 3 verify --schema: the schema drifted; 64 the command line is wrong.", help.Output);
        Assert.Equal(help.Output, dashes.Output);
        Assert.Equal(0, verb.ExitCode);
        Assert.Contains("AuditLog migrate [options]", verb.Output);
        Assert.Contains("--connection <connection>", verb.Output);
        Assert.Contains("-o, --output <json|text>", verb.Output);
        Assert.Contains("--lock-timeout <lock-timeout>", verb.Output);
    }

    [Fact]
    public async Task Version_names_the_app_SchemaGen_and_the_newest_migration()
    {
        var version = await RunAsync("--version");

        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^AuditLog \S+\nSchemaGen \S+: 3 migration\(s\), the newest 003_security_events\n$", version.Output);
    }

    [Theory]
    [InlineData(new[] { "statsu" }, "'statsu' is not a verb of AuditLog. Did you mean 'status'? Run 'AuditLog help' for the verbs.\n")]
    [InlineData(new[] { "bogus" }, "'bogus' is not a verb of AuditLog. Run 'AuditLog help' for the verbs.\n")]
    [InlineData(new[] { "migrate", "--bogus" }, "migrate: Unrecognized command or argument '--bogus'.\nRun 'AuditLog help migrate' for its arguments and options.\n")]
    [InlineData(new[] { "repair", "checksum" }, "repair checksum: Required argument missing for command: 'checksum'.\nRun 'AuditLog help repair checksum' for its arguments and options.\n")]
    [InlineData(new[] { "status", "--output", "xml" }, "status: Argument 'xml' not recognized. Must be one of:\n\t'text'\n\t'json'\nRun 'AuditLog help status' for its arguments and options.\n")]
    public async Task A_wrong_command_line_exits_64_and_says_what_to_run(string[] arguments, string error)
    {
        var run = await RunAsync(arguments);

        Assert.Equal((MigrationCommands.UsageError, "", error), run);
    }

    [Fact]
    public async Task Json_output_of_each_verb_has_its_documented_shape_and_the_log_goes_to_standard_error()
    {
        var connection = await TestDatabase.CreateConnectionStringAsync();

        var pending = await RunAsync("verify", "--connection", connection, "--output", "json");
        var migrate = await RunAsync("migrate", "--connection", connection, "--output", "json");
        var status = await RunAsync("status", "--connection", connection, "--output", "json");
        var upToDate = await RunAsync("verify", "--connection", connection, "-o", "json");
        var script = await RunAsync("script", "--connection", connection, "-o", "json");

        Assert.Equal(1, pending.ExitCode);
        var verification = JsonShapes.Validate("verify", pending.Output);
        Assert.Equal("pending", verification.GetProperty("state").GetString());
        Assert.Equal(["001_users", "002_audit_log", "003_security_events"], Ids(verification.GetProperty("problems")));

        Assert.Equal(0, migrate.ExitCode);
        var applied = JsonShapes.Validate("migrate", migrate.Output).GetProperty("applied");
        Assert.Equal(["001_users", "002_audit_log", "003_security_events"], Ids(applied));
        Assert.Equal(
            ["1 0 0", "1 0 4", "0 0 0"],
            applied.EnumerateArray().Select(m => m.GetProperty("counts")).Select(c => $"{c.GetProperty("tablesCreated")} {c.GetProperty("columnsAdded")} {c.GetProperty("indexesCreated")}"));
        Assert.Contains("INFO  ▶ 002_audit_log:", migrate.Error);

        Assert.Equal(0, status.ExitCode);
        var migrations = JsonShapes.Validate("status", status.Output).GetProperty("migrations");
        Assert.All(migrations.EnumerateArray(), m => Assert.Equal("applied", m.GetProperty("state").GetString()));

        Assert.Equal(0, upToDate.ExitCode);
        Assert.Equal("up_to_date", JsonShapes.Validate("verify", upToDate.Output).GetProperty("state").GetString());
        Assert.Equal(0, script.ExitCode);
        Assert.Empty(JsonShapes.Validate("script", script.Output).GetProperty("migrations").EnumerateArray());
    }

    [Fact]
    public async Task A_failing_verb_prints_an_error_document_and_its_message_names_the_verb()
    {
        var run = await RunAsync("migrate", "--connection", "Host=127.0.0.1;Port=1;Database=none;Timeout=1", "--output", "json");

        Assert.Equal(1, run.ExitCode);
        var error = JsonShapes.Validate("error", run.Output);
        Assert.Equal("migrate", error.GetProperty("verb").GetString());
        Assert.StartsWith("Could not connect to PostgreSQL at 127.0.0.1:1", error.GetProperty("error").GetProperty("message").GetString());
        Assert.Contains("migrate: Could not connect to PostgreSQL at 127.0.0.1:1", run.Error);
    }

    [Fact]
    public void A_document_that_lacks_a_field_is_not_of_the_documented_shape()
        => Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => JsonShapes.Validate("verify", """{ "outputVersion": 1, "verb": "verify", "state": "pending", "exitCode": 1 }"""));

    private static string[] Ids(JsonElement migrations) => migrations.EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToArray();
}
