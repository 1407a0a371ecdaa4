namespace SchemaGen.Generator.Emit
{
    /// <summary>The <c>[GeneratedCode]</c> line every generated type carries, with this generator's version.</summary>
    internal static class GeneratedCode
    {
        private static readonly string Version = typeof(GeneratedCode).Assembly.GetName().Version?.ToString() ?? "0.0.0.0";

        public static readonly string Attribute = $"[global::System.CodeDom.Compiler.GeneratedCode(\"SchemaGen\", \"{Version}\")]";
    }
}
