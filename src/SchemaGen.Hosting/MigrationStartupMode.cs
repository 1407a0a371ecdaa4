namespace SchemaGen.Hosting;

/// <summary>What the app does about migrations as its host starts.</summary>
public enum MigrationStartupMode
{
    /// <summary>Applies pending migrations before the host starts serving; a failure stops the start.</summary>
    Apply,

    /// <summary>
    /// Applies nothing and waits until another process (a deploy step, a Kubernetes Job running the <c>migrate</c> verb)
    /// has applied every migration; a failed or edited migration, or <see cref="SchemaGenHostOptions.WaitTimeout"/>, stops the start.
    /// </summary>
    WaitUntilApplied,

    /// <summary>Does nothing at start-up; the readiness check still reports where the database stands.</summary>
    Skip,
}
