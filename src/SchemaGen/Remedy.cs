namespace SchemaGen;

/// <summary>What a message tells a person to do: the verb to run when the run came from one, with its code form beside it; else the code form.</summary>
internal static class Remedy
{
    /// <param name="options">The run's options; <see cref="MigrationRunnerOptions.CommandName"/> is set when a verb started it.</param>
    /// <param name="verb">The verb and its arguments, as typed after the app's name: <c>baseline 3</c>.</param>
    /// <param name="inCode">The same in code, as an instruction: <c>set MigrationRunnerOptions.BaselineNumber = 3</c>.</param>
    public static string Of(MigrationRunnerOptions options, string verb, string inCode)
        => options.CommandName is { } app ? $"run '{app} {verb}' (in code: {inCode})" : inCode;
}
