namespace SchemaGen.Ledger;

/// <summary>What the ledger's head says about a build's migrations.</summary>
internal enum HeadState
{
    /// <summary>Every migration of the build is applied as recorded, and nothing else is recorded.</summary>
    Matches,

    /// <summary>The ledger holds something else: pending, failed, running, edited or unknown migrations.</summary>
    Differs,

    /// <summary>No ledger, or a ledger without a working head: only a full read can tell.</summary>
    Missing,
}
