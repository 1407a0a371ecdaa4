namespace SchemaGen.SqlParsing
{
    /// <summary>
    /// Statements that end or start a transaction: <c>BEGIN</c>, <c>START TRANSACTION</c>, <c>COMMIT</c> (and
    /// <c>COMMIT AND CHAIN</c>), <c>END</c>, <c>ROLLBACK</c>, <c>ABORT</c>, <c>PREPARE TRANSACTION</c>. In a transactional
    /// migration each one breaks the promise that the migration and its ledger row commit together.
    /// <c>SAVEPOINT</c> and <c>ROLLBACK TO SAVEPOINT</c> stay inside the transaction and are fine.
    /// </summary>
    internal static class TransactionControl
    {
        public static bool Is(SqlStatement statement)
        {
            if (statement.StartsWith("ROLLBACK") || statement.StartsWith("ABORT"))
            {
                return !statement.Contains("TO");
            }

            return statement.StartsWith("BEGIN")
                || statement.StartsWith("START", "TRANSACTION")
                || statement.StartsWith("COMMIT")
                || statement.StartsWith("END")
                || statement.StartsWith("PREPARE", "TRANSACTION");
        }
    }
}
