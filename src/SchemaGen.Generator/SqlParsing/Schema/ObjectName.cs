using System;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>A schema-qualified name of a table, view, index, sequence or type, folded as PostgreSQL folds it.</summary>
    internal readonly struct ObjectName : IEquatable<ObjectName>, IComparable<ObjectName>
    {
        public const string DefaultSchema = "public";

        public ObjectName(string schema, string name)
        {
            Schema = schema;
            Name = name;
        }

        public string Schema { get; }

        /// <summary>A name as a model gives it: in <paramref name="schema"/>, or in <c>public</c> when it names none.</summary>
        public static ObjectName Of(string? schema, string name) => new ObjectName(schema ?? DefaultSchema, name);

        public string Name { get; }

        public bool IsEmpty => Name is null;

        public ObjectName WithName(string name) => new ObjectName(Schema, name);

        public bool Equals(ObjectName other) => string.Equals(Schema, other.Schema, StringComparison.Ordinal) && string.Equals(Name, other.Name, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is ObjectName other && Equals(other);

        public override int GetHashCode() => unchecked(((Schema?.GetHashCode() ?? 0) * 397) ^ (Name?.GetHashCode() ?? 0));

        public int CompareTo(ObjectName other)
        {
            var schema = string.CompareOrdinal(Schema, other.Schema);
            return schema != 0 ? schema : string.CompareOrdinal(Name, other.Name);
        }

        /// <summary>As messages and <c>format_type</c> write it: the schema only when it is not <c>public</c>.</summary>
        public override string ToString() => Schema == DefaultSchema ? Name : Schema + "." + Name;

        public static bool operator ==(ObjectName left, ObjectName right) => left.Equals(right);

        public static bool operator !=(ObjectName left, ObjectName right) => !left.Equals(right);
    }
}
