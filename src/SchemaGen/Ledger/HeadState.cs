namespace SchemaGen.Ledger;

/// <summary>What the ledger's head says about a build's migrations.</summary>
internal enum HeadState
{
    /// <summary>Every migration of the build is applied as recorded, and nothing else is recorded.</summary>
    Matches,

    /// <summary>The ledger holds something else: pending, failed, running, edited or unknown migrations.</summary>
    Differs,

    /// <summary>No ledger, or no head for it (a ledger older than heads, or re-created by hand): only a full read can tell.</summary>
    Missing,
}
