using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using SchemaGen.Generator.Diagnostics;
using SchemaGen.Generator.Data;
using SchemaGen.Generator.Data.SchemaModel;

namespace SchemaGen.Generator.Parse.SchemaModel
{
    /// <summary>
    /// Foreign keys, as EF Core reads them: a navigation property to another model, with its key properties named by
    /// <c>[ForeignKey]</c> on the navigation or on the key property, or by convention <c>{Navigation}Id</c>.
    /// The foreign key references the other model's primary key.
    /// </summary>
    internal static class ForeignKeyReader
    {
        public static List<ForeignKeyInfo> Read(MappedProperties properties, ModelAttributes attributes, ModelProblems problems)
        {
            var foreignKeys = new List<ForeignKeyInfo>();
            foreach (var navigation in properties.Navigations)
            {
                var keyProperties = KeyPropertiesOf(navigation, properties, attributes, problems);
                if (keyProperties is null)
                {
                    continue;
                }

                var principal = (INamedTypeSymbol)navigation.Type;
                var principalTable = ModelAttributes.Find(principal, attributes.Table)!;
                var principalKey = KeyReader.ColumnNames(principal, attributes);
                if (principalKey.Count != keyProperties.Count)
                {
                    Report(problems, navigation, ModelProblems.Of(ModelAttributes.Find(navigation, attributes.ForeignKey), navigation),
                        $"'{principal.Name}' has a primary key of {principalKey.Count} column(s), but {keyProperties.Count} foreign-key propert(ies) reference it; name as many properties as its key has");
                    continue;
                }

                foreignKeys.Add(new ForeignKeyInfo(
                    new EquatableArray<string>(keyProperties.Select(p => ColumnReader.NameOf(p, attributes)).ToArray()),
                    ModelAttributes.Named(principalTable, "Schema") as string,
                    ModelAttributes.FirstArgument(principalTable) as string ?? principal.Name,
                    new EquatableArray<string>(principalKey.ToArray())));
            }

            foreach (var column in properties.Columns)
            {
                var attribute = ModelAttributes.Find(column, attributes.ForeignKey);
                var navigationName = ModelAttributes.FirstArgument(attribute) as string;
                if (attribute is not null && !properties.Navigations.Any(n => n.Name == navigationName))
                {
                    Report(problems, column, ModelProblems.Of(attribute, column),
                        $"'{navigationName}' is not a property of '{column.ContainingType.Name}' whose type is a [Table] model; name the navigation property, such as [ForeignKey(nameof(User))] with a 'User? User' property");
                }
            }

            return foreignKeys;
        }

        /// <summary>The key properties behind one navigation, or null when they cannot be found (reported).</summary>
        private static List<IPropertySymbol>? KeyPropertiesOf(IPropertySymbol navigation, MappedProperties properties, ModelAttributes attributes, ModelProblems problems)
        {
            var onNavigation = ModelAttributes.Find(navigation, attributes.ForeignKey);
            if (onNavigation is not null)
            {
                var names = (ModelAttributes.FirstArgument(onNavigation) as string ?? "").Split(',').Select(n => n.Trim()).ToList();
                var found = names.Select(properties.FindColumn).ToList();
                var missing = names.Where((name, i) => found[i] is null).ToList();
                if (missing.Count == 0)
                {
                    return found!;
                }

                Report(problems, navigation, ModelProblems.Of(onNavigation, navigation),
                    $"'{string.Join(", ", missing)}' is not a mapped property of '{navigation.ContainingType.Name}'; name the foreign-key property, such as [ForeignKey(nameof(UserId))]");
                return null;
            }

            var marked = properties.Columns
                .Where(c => ModelAttributes.FirstArgument(ModelAttributes.Find(c, attributes.ForeignKey)) as string == navigation.Name)
                .ToList();
            if (marked.Count > 0)
            {
                return marked;
            }

            var byConvention = properties.FindColumn(navigation.Name + "Id");
            if (byConvention is not null)
            {
                return new List<IPropertySymbol> { byConvention };
            }

            Report(problems, navigation, () => navigation.Locations[0],
                $"navigation '{navigation.Name}' has no foreign-key property; add '{navigation.Name}Id', or mark the key property [ForeignKey(nameof({navigation.Name}))]");
            return null;
        }

        private static void Report(ModelProblems problems, IPropertySymbol property, System.Func<Location> where, string reason)
            => problems.Report(DiagnosticDescriptors.ForeignKeyUnresolved, where, property.ContainingType.Name, property.Name, reason);
    }
}
