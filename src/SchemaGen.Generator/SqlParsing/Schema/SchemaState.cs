using System.Collections.Generic;
using System.Linq;
using SchemaGen.Generator.Data;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>
    /// The schema as the replay has built it so far: relations, indexes, sequences, types and schemas, what is not known,
    /// and the functions whose bodies run DDL. <see cref="Apply"/> (in its own file) changes it; <see cref="Snapshot"/> freezes it.
    /// </summary>
    internal sealed partial class SchemaState
    {
        public Dictionary<ObjectName, Relation> Relations { get; } = new Dictionary<ObjectName, Relation>();

        public Dictionary<ObjectName, IndexShape> Indexes { get; } = new Dictionary<ObjectName, IndexShape>();

        public Dictionary<ObjectName, SequenceShape> Sequences { get; } = new Dictionary<ObjectName, SequenceShape>();

        public Dictionary<ObjectName, TypeShape> Types { get; } = new Dictionary<ObjectName, TypeShape>();

        public HashSet<string> Schemas { get; } = new HashSet<string>(System.StringComparer.Ordinal) { ObjectName.DefaultSchema };

        /// <summary>Functions whose bodies run DDL (or call functions that may), by their unqualified name.</summary>
        public Dictionary<string, SchemaChange> DdlFunctions { get; } = new Dictionary<string, SchemaChange>(System.StringComparer.Ordinal);

        /// <summary>False once objects the model cannot name may exist.</summary>
        public bool Complete { get; set; } = true;

        /// <summary>The relation named so, or null. Unqualified lookups use <c>public</c>.</summary>
        public Relation? Find(ObjectName name) => Relations.TryGetValue(name, out var relation) ? relation : null;

        public bool IsEnum(string formattedType)
        {
            foreach (var type in Types.Values)
            {
                if (type.Kind == 'e' && TypeNames.UserType(type.Name) == formattedType)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>How many relations and types the model holds without knowing their shape.</summary>
        public int UnknownCount => Relations.Values.Count(relation => !relation.Known) + Types.Values.Count(type => !type.Known);

        public SchemaSnapshot Snapshot() => new SchemaSnapshot(
            Complete,
            new EquatableArray<string>(Schemas.OrderBy(schema => schema, System.StringComparer.Ordinal).ToArray()),
            new EquatableArray<RelationShape>(Relations.Values.OrderBy(relation => relation.Name).Select(relation => relation.Shape()).ToArray()),
            new EquatableArray<IndexShape>(Indexes.Values.OrderBy(index => index.Name).ToArray()),
            new EquatableArray<SequenceShape>(Sequences.Values.OrderBy(sequence => sequence.Name).ToArray()),
            new EquatableArray<TypeShape>(Types.Values.OrderBy(type => type.Name).ToArray()));

        /// <summary>
        /// A copy holding only the relations <paramref name="effect"/> names (with their indexes), the types and the DDL functions:
        /// what a lint of that migration asks about. Incomplete, so a relation it lacks is one it has no opinion on.
        /// </summary>
        public SchemaState CopyFor(MigrationEffect effect) => CopyOf(NamesIn(effect));

        /// <summary>A copy holding only the relations named (with their indexes), the types and the DDL functions.</summary>
        public SchemaState CopyOf(IEnumerable<ObjectName> names)
        {
            var copy = new SchemaState { Complete = false };
            foreach (var name in names)
            {
                CopyRelation(copy, name);
            }

            foreach (var pair in Types)
            {
                copy.Types[pair.Key] = pair.Value;
            }

            foreach (var pair in DdlFunctions)
            {
                copy.DdlFunctions[pair.Key] = pair.Value;
            }

            copy.Schemas.UnionWith(Schemas);
            return copy;
        }

        private static IEnumerable<ObjectName> NamesIn(MigrationEffect effect)
        {
            foreach (var change in effect.Changes)
            {
                yield return change.Target;
                yield return change.Index?.Table ?? default;
                yield return change.Constraint?.References ?? default;
                foreach (var name in change.Names)
                {
                    yield return name;
                }
            }
        }

        private void CopyRelation(SchemaState copy, ObjectName name)
        {
            if (name.IsEmpty || copy.Relations.ContainsKey(name) || !Relations.TryGetValue(name, out var relation))
            {
                return;
            }

            copy.Relations[name] = relation.Clone();
            foreach (var index in Indexes.Values)
            {
                if (index.Table == name)
                {
                    copy.Indexes[index.Name] = index;
                }
            }
        }

        private bool RelationNameTaken(string schema, string name)
        {
            var key = new ObjectName(schema, name);
            return Relations.ContainsKey(key) || Indexes.ContainsKey(key) || Sequences.ContainsKey(key);
        }

        /// <summary>Constraint names by schema (PostgreSQL keeps them unique per schema when it chooses one); rebuilt after a drop or rename.</summary>
        private HashSet<ObjectName>? _constraintNames;

        private bool ConstraintNameTaken(string schema, string name)
        {
            if (_constraintNames is null)
            {
                _constraintNames = new HashSet<ObjectName>();
                foreach (var relation in Relations.Values)
                {
                    foreach (var constraint in relation.Constraints)
                    {
                        _constraintNames.Add(new ObjectName(relation.Name.Schema, constraint.Name));
                    }
                }
            }

            return _constraintNames.Contains(new ObjectName(schema, name));
        }

        /// <summary>Keeps the constraint names current as one is added; a drop or rename calls <see cref="ForgetConstraintNames"/>.</summary>
        private void NoteConstraint(Relation table, string name) => _constraintNames?.Add(new ObjectName(table.Name.Schema, name));

        private void ForgetConstraintNames() => _constraintNames = null;
    }
}
