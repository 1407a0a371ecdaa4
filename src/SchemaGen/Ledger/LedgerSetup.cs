using Microsoft.Extensions.Logging;

namespace SchemaGen.Ledger;

/// <summary>What creating, upgrading or adopting a ledger needs to know of the run.</summary>
internal sealed record LedgerSetup(IReadOnlyList<MigrationDescriptor> Migrations, MigrationRunnerOptions Options, ILogger Logger);
