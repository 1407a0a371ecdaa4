using System.Collections.Generic;
using System.Linq;
using System.Text;
using SchemaGen.Generator.Data;

namespace SchemaGen.Generator.ModelDrift
{
    /// <summary>The statements and drafts as they are written, and whether the migration must run outside a transaction.</summary>
    internal sealed class MigrationText
    {
        private readonly StringBuilder _body = new StringBuilder();
        private readonly EquatableArray<DraftFile> _draftFiles;

        public MigrationText(EquatableArray<DraftFile> draftFiles) => _draftFiles = draftFiles;

        public bool NonTransactional { get; set; }

        public int Drafts { get; private set; }

        public List<PendingDraft> Pending { get; } = new List<PendingDraft>();

        public bool IsEmpty => _body.Length == 0;

        public void Statement(string statement) => _body.Append(statement).Append(";\n");

        public void Comment(string text) => _body.Append("-- ").Append(text).Append('\n');

        /// <summary>A commented draft for a person to confirm; not written again when a migration already holds it.</summary>
        public void Draft(IReadOnlyList<ModelDifference> covers, string why, params string[] statements)
        {
            var lines = statements.Select(statement => "-- " + statement).ToList();
            var holder = covers.Count == 0 ? null : _draftFiles.FirstOrDefault(file => lines.All(line => file.Text.Contains(line)));
            if (holder is not null)
            {
                Pending.AddRange(covers.Select(difference => new PendingDraft(difference, holder.File)));
                return;
            }

            Drafts++;
            _body.Append('\n').Append(ModelMigrationWriter.DraftMarker).Append(' ').Append(why).Append('\n');
            foreach (var line in lines)
            {
                _body.Append(line).Append('\n');
            }
        }

        public string ToText(string description)
        {
            var header = new StringBuilder("-- description: ").Append(description).Append('\n');
            if (NonTransactional)
            {
                header.Append("-- transactional: false\n");
            }

            header.Append("-- Written by SchemaGen from the [Table] models (SG0208's fix). Review it before it is released.\n");
            if (NonTransactional)
            {
                header.Append("-- Not transactional: CONCURRENTLY and VALIDATE must not hold their locks in one transaction. If a step fails, the ones before it stay applied.\n");
            }

            return header.Append('\n').Append(_body).ToString();
        }
    }
}
