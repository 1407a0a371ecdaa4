using System.Collections.Generic;

namespace SchemaGen.SqlParsing.Schema
{
    /// <summary>A table, view or materialized view as the replay changes it; <see cref="Shape"/> freezes it.</summary>
    internal sealed class Relation
    {
        public Relation(ObjectName name, char kind, string createdBy, bool known = true)
        {
            Name = name;
            Kind = kind;
            CreatedBy = createdBy;
            Known = known;
        }

        public ObjectName Name { get; set; }

        public char Kind { get; }

        public string CreatedBy { get; }

        public bool Known { get; set; }

        public bool ConstraintsExact { get; set; } = true;

        public List<ColumnShape> Columns { get; } = new List<ColumnShape>();

        public List<ConstraintShape> Constraints { get; } = new List<ConstraintShape>();

        public List<ObjectName> DependsOn { get; } = new List<ObjectName>();

        public int ColumnIndex(string name) => Columns.FindIndex(column => column.Name == name);

        public ColumnShape? Column(string name) => ColumnIndex(name) is var at and >= 0 ? Columns[at] : null;

        public ConstraintShape? PrimaryKey => Constraints.Find(constraint => constraint.Kind == 'p');

        public Relation Clone()
        {
            var copy = new Relation(Name, Kind, CreatedBy, Known) { ConstraintsExact = ConstraintsExact };
            copy.Columns.AddRange(Columns);
            copy.Constraints.AddRange(Constraints);
            copy.DependsOn.AddRange(DependsOn);
            return copy;
        }

        public RelationShape Shape() => new RelationShape(
            Name,
            Kind,
            Known,
            ConstraintsExact,
            CreatedBy,
            new Generator.Data.EquatableArray<ColumnShape>(Columns.ToArray()),
            new Generator.Data.EquatableArray<ConstraintShape>(Constraints.ToArray()),
            new Generator.Data.EquatableArray<ObjectName>(DependsOn.ToArray()));
    }
}
