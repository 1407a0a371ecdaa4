using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using SchemaGen.SqlParsing;

namespace SchemaGen.Generator.Parse
{
    /// <summary>
    /// The SQL a C# migration sends (or its down), when the generator can know it: its <c>UpAsync</c> does nothing but pass constant strings
    /// to <c>context.ExecuteAsync</c> (awaited, returned or expression-bodied), besides <c>context.Log…</c> and
    /// <c>context.Count</c>. Anything else (a variable, a loop, <c>AutoSchemaAsync</c>, <c>CreateCommand</c>) means the SQL is
    /// decided as the migration runs: null. The <c>script</c> verb prints what this returns. <see cref="ReadSteps"/> also
    /// follows <c>context.AutoSchemaAsync</c>, as a null step: the schema model knows what it does.
    /// </summary>
    internal static class ConstantSqlReader
    {
        /// <summary>
        /// Results that depend on the method's syntax alone (literals, or a shape that rules the SQL out), keyed by the method:
        /// an unchanged file's nodes carry into each new compilation, so only an edited migration is read again. A constant
        /// declared elsewhere can change without this method changing, so such results are never kept.
        /// </summary>
        private static readonly ConditionalWeakTable<MethodDeclarationSyntax, Sent> BySyntax = new ConditionalWeakTable<MethodDeclarationSyntax, Sent>();

        private static readonly HashSet<string> SilentCalls = new HashSet<string> { "LogInformation", "LogDebug", "LogWarning", "LogError", "Count" };

        /// <summary>The SQL <paramref name="method"/> (an <c>UpAsync</c> or <c>DownAsync</c> from <see cref="OverrideOf"/>) sends, or null; null for no method.</summary>
        public static string? Read(MethodDeclarationSyntax? method, Compilation compilation, CancellationToken cancellationToken)
            => ReadSent(method, compilation, cancellationToken)?.Sql;

        /// <summary>The SQL of each <c>ExecuteAsync</c> call in order, a null step for each <c>AutoSchemaAsync</c> call; null when either is decided as it runs.</summary>
        public static string?[]? ReadSteps(MethodDeclarationSyntax? method, Compilation compilation, CancellationToken cancellationToken)
            => ReadSent(method, compilation, cancellationToken)?.Steps;

        private static Sent? ReadSent(MethodDeclarationSyntax? method, Compilation compilation, CancellationToken cancellationToken)
        {
            if (method is null)
            {
                return null;
            }

            if (BySyntax.TryGetValue(method, out var known))
            {
                return known;
            }

            var reading = new Reading(method.ParameterList.Parameters[0].Identifier.ValueText, method, compilation, cancellationToken);
            var sent = new Sent(reading.Read());
            if (!reading.UsedSemantics)
            {
                try
                {
                    BySyntax.Add(method, sent);
                }
                catch (System.ArgumentException)
                {
                    // Another thread read the same method first, to the same result.
                }
            }

            return sent;
        }

        /// <summary>Each call's SQL on its own lines, ending in a semicolon, as <c>psql</c> would run them in turn.</summary>
        private static string Join(string[] pieces)
        {
            var sql = new StringBuilder();
            foreach (var piece in pieces)
            {
                var statements = StatementTerminator.Terminate(piece);
                if (statements.Length > 0)
                {
                    sql.Append(statements).Append('\n');
                }
            }

            return sql.ToString();
        }

        /// <summary>
        /// The class's own <c>override</c> of <paramref name="methodName"/> (<c>UpAsync</c>, <c>DownAsync</c>), found in its declarations'
        /// syntax: asking the symbol for its members would have Roslyn build every migration class's members again on each new compilation.
        /// </summary>
        public static MethodDeclarationSyntax? OverrideOf(INamedTypeSymbol type, string methodName, CancellationToken cancellationToken)
        {
            MethodDeclarationSyntax? found = null;
            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
                {
                    continue;
                }

                foreach (var member in declaration.Members)
                {
                    if (member is MethodDeclarationSyntax { ParameterList.Parameters.Count: 2 } method
                        && method.Identifier.ValueText == methodName
                        && method.Modifiers.Any(SyntaxKind.OverrideKeyword))
                    {
                        if (found is not null)
                        {
                            return null;
                        }

                        found = method;
                    }
                }
            }

            return found;
        }

        /// <summary>What a method sends: its steps (see <see cref="ReadSteps"/>), and their SQL joined when every step is SQL.</summary>
        private sealed class Sent
        {
            public Sent(string?[]? steps)
            {
                Steps = steps;
                Sql = steps is not null && System.Array.IndexOf(steps, null) < 0 ? Join(steps!) : null;
            }

            public string?[]? Steps { get; }

            public string? Sql { get; }
        }

        /// <summary>One reading of one method: the SQL pieces in order, and whether a constant had to be bound.</summary>
        private sealed class Reading
        {
            private readonly string _context;
            private readonly MethodDeclarationSyntax _method;
            private readonly Compilation _compilation;
            private readonly CancellationToken _cancellationToken;
            private readonly List<string?> _pieces = new List<string?>();
            private SemanticModel? _model;

            public Reading(string context, MethodDeclarationSyntax method, Compilation compilation, CancellationToken cancellationToken)
            {
                _context = context;
                _method = method;
                _compilation = compilation;
                _cancellationToken = cancellationToken;
            }

            public bool UsedSemantics => _model is not null;

            public string?[]? Read()
            {
                var readable = _method.ExpressionBody is { } arrow
                    ? Expression(arrow.Expression)
                    : _method.Body is { } body && Statements(body.Statements);
                return readable ? _pieces.ToArray() : null;
            }

            private bool Statements(SyntaxList<StatementSyntax> statements)
            {
                for (var i = 0; i < statements.Count; i++)
                {
                    var fine = statements[i] switch
                    {
                        ExpressionStatementSyntax statement => Expression(statement.Expression),
                        ReturnStatementSyntax { Expression: null } => i == statements.Count - 1,
                        ReturnStatementSyntax statement => i == statements.Count - 1 && Expression(statement.Expression),
                        EmptyStatementSyntax _ => true,
                        _ => false,
                    };
                    if (!fine)
                    {
                        return false;
                    }
                }

                return true;
            }

            /// <summary>An expression that sends constant SQL, or sends none (a log line, a count).</summary>
            private bool Expression(ExpressionSyntax expression)
            {
                if (expression is AwaitExpressionSyntax awaited)
                {
                    expression = awaited.Expression;
                }

                if (expression is InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "ConfigureAwait", Expression: var configured },
                    })
                {
                    expression = configured;
                }

                if (expression is not InvocationExpressionSyntax
                    {
                        Expression: MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax receiver, Name: var name },
                    } call
                    || receiver.Identifier.ValueText != _context)
                {
                    return false;
                }

                var called = name.Identifier.ValueText;
                if (SilentCalls.Contains(called))
                {
                    return true;
                }

                if (called == "AutoSchemaAsync")
                {
                    _pieces.Add(null);
                    return true;
                }

                if (called != "ExecuteAsync" || call.ArgumentList.Arguments.Count == 0)
                {
                    return false;
                }

                var sql = call.ArgumentList.Arguments[0];
                if (sql.NameColon is { } named && named.Name.Identifier.ValueText != "sql")
                {
                    return false;
                }

                var value = Literal(sql.Expression) ?? Bound(sql.Expression);
                if (value is null)
                {
                    return false;
                }

                _pieces.Add(value);
                return true;
            }

            /// <summary>The value of string literals, joined by <c>+</c>, read from the syntax alone; null for anything else.</summary>
            private static string? Literal(ExpressionSyntax expression)
            {
                switch (expression)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                        return literal.Token.ValueText;
                    case ParenthesizedExpressionSyntax parenthesized:
                        return Literal(parenthesized.Expression);
                    case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                        var left = Literal(binary.Left);
                        var right = left is null ? null : Literal(binary.Right);
                        return right is null ? null : left + right;
                    default:
                        return null;
                }
            }

            /// <summary>A constant the compiler folds (a <c>const</c> declared elsewhere, <c>nameof</c>…), bound through the semantic model.</summary>
            private string? Bound(ExpressionSyntax expression)
            {
                _model ??= _compilation.GetSemanticModel(_method.SyntaxTree);
                return _model.GetConstantValue(expression, _cancellationToken) is { HasValue: true, Value: string value } ? value : null;
            }
        }
    }
}
