namespace SchemaGen.Adopting;

/// <summary>
/// A difference between another tool's history and this build. <see cref="Acceptable"/>: a person may accept it by the migration's
/// number (a name or checksum that differs, an order that differs); the others (a row that maps to nothing, a row missing, a
/// failed row, two rows for one migration) would record something that did not run, and always refuse.
/// </summary>
internal sealed record ImportDifference(int? Number, bool Acceptable, string Text);
