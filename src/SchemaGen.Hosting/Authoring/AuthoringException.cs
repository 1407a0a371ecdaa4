namespace SchemaGen.Hosting.Authoring;

/// <summary>Why <c>new</c> or <c>renumber</c> did nothing: a message that says what to do.</summary>
internal sealed class AuthoringException(string message) : Exception(message);
