namespace SchemaGen.Testing;

/// <summary>Where <see cref="MigratedDatabases"/> keeps its databases, and how it migrates the template.</summary>
public sealed class MigratedDatabasesOptions
{
    /// <summary>The environment variable read when <see cref="ConnectionString"/> is not set.</summary>
    public const string ConnectionVariable = "SCHEMAGEN_TEST_CONNECTION";

    /// <summary>
    /// A server whose user may create databases; its templates outlive the test run, so a later run with the same migrations
    /// reuses them. Default: <see cref="ConnectionVariable"/>, else a throwaway PostgreSQL started once per process (and
    /// removed when it exits), from Debian's <c>/usr/lib/postgresql/N/bin</c> or <c>initdb</c> on PATH.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>The runner's options the template is migrated with (the ledger's schema and table, timeouts); null for the defaults.</summary>
    public MigrationRunnerOptions? RunnerOptions { get; set; }

    /// <summary>
    /// Whether a clone copies the template's files (<c>CREATE DATABASE … STRATEGY = FILE_COPY</c>) rather than write each page
    /// through the WAL (PostgreSQL 15's default). Copying takes two checkpoints per clone, which a disk-backed server with other
    /// work pays for; measured on a server in shared memory, neither was faster by more than the noise between runs (see
    /// docs/performance.md). Default false. Ignored before PostgreSQL 15, which only copies.
    /// </summary>
    public bool CloneByFileCopy { get; set; }

    /// <summary>How the template and each test's database are named: <c>{prefix}_tpl_{hash}</c> and <c>{prefix}_{random}</c>. Default <c>schemagen</c>.</summary>
    public string DatabasePrefix { get; set; } = "schemagen";
}
