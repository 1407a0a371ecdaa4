using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaGen.SqlParsing;

namespace SchemaGen.Generator.Parse
{
    /// <summary>
    /// The checksum of a migration's own code: SHA-256 over the tokens of the class's base list and members
    /// (every partial declaration, in a fixed order) plus the Transactional flag.
    /// Tokens exclude trivia, so whitespace, comments, line breaks and code under inactive <c>#if</c> leave it unchanged;
    /// line endings inside string literals are folded to LF. Attributes on the class, its modifiers, its name,
    /// the usings and the file it sits in are not covered, nor is any code outside the class it calls, nor its
    /// <c>DownAsync</c> override: the checksum stands for what the database got, so adding or fixing a down never makes an
    /// applied migration count as edited.
    /// </summary>
    internal static class MigrationChecksum
    {
        private const string FormatVersion = "schemagen-checksum-v1";

        /// <summary>
        /// Checksums of single-declaration migrations, keyed by the declaration. Roslyn carries an unchanged file's syntax
        /// tree, and so its nodes, into each new compilation, so an IDE hashes a migration when it is edited rather than
        /// on every keystroke anywhere. The keys are held weakly: a dropped tree drops its entries.
        /// </summary>
        private static readonly ConditionalWeakTable<SyntaxNode, Checksums> ByDeclaration = new ConditionalWeakTable<SyntaxNode, Checksums>();

        public static string Compute(INamedTypeSymbol type, bool transactional, CancellationToken cancellationToken)
        {
            var references = type.DeclaringSyntaxReferences;
            if (references.Length == 1 && references[0].GetSyntax(cancellationToken) is TypeDeclarationSyntax only)
            {
                var known = ByDeclaration.GetValue(only, static _ => new Checksums());
                return transactional
                    ? known.Transactional ??= ComputeUncached(type, transactional: true, cancellationToken)
                    : known.NonTransactional ??= ComputeUncached(type, transactional: false, cancellationToken);
            }

            return ComputeUncached(type, transactional, cancellationToken);
        }

        private static string ComputeUncached(INamedTypeSymbol type, bool transactional, CancellationToken cancellationToken)
        {
            var declarations = new List<string>();
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration)
                {
                    declarations.Add(NormalizedTokens(declaration));
                }
            }

            declarations.Sort(StringComparer.Ordinal);
            var text = new StringBuilder(FormatVersion).Append("\ntransactional=").Append(transactional ? "true" : "false");
            foreach (var declaration in declarations)
            {
                text.Append('\n').Append(declaration);
            }

            return Hash(text.ToString());
        }

        private static string NormalizedTokens(TypeDeclarationSyntax declaration)
        {
            var text = new StringBuilder();
            if (declaration.BaseList is not null)
            {
                AppendTokens(text, declaration.BaseList);
            }

            text.Append('{');
            foreach (var member in declaration.Members)
            {
                if (member is MethodDeclarationSyntax { Identifier.ValueText: "DownAsync" } method
                    && method.Modifiers.Any(Microsoft.CodeAnalysis.CSharp.SyntaxKind.OverrideKeyword))
                {
                    continue;
                }

                AppendTokens(text, member);
            }

            return text.Append('}').ToString();
        }

        private static void AppendTokens(StringBuilder text, SyntaxNode node)
        {
            foreach (var token in node.DescendantTokens())
            {
                var tokenText = token.Text;
                if (tokenText.IndexOf('\r') >= 0)
                {
                    tokenText = tokenText.Replace("\r\n", "\n").Replace('\r', '\n');
                }

                text.Append(tokenText).Append(' ');
            }
        }

        private sealed class Checksums
        {
            public string? Transactional;
            public string? NonTransactional;
        }

        /// <summary><c>sha256:</c> and the lowercase hex of SHA-256 over the text's UTF-8 bytes.</summary>
        public static string Hash(string text) => SqlChecksum.Sha256("sha256:", text);
    }
}
