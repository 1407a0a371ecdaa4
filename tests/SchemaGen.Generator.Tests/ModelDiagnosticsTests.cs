using static SchemaGen.Generator.Tests.Sources;
using static SchemaGen.Generator.Tests.Verify;

namespace SchemaGen.Generator.Tests;

/// <summary>SG0201–SG0207: what the model analyzer reports on [Table] classes, at which span, with which words.</summary>
public class ModelDiagnosticsTests
{
    private const string Users = """
        [Table("users")]
        public class User
        {
            public int Id { get; set; }
            public string Name { get; set; } = "";
        }

        """;

    [Fact]
    public Task A_complete_model_has_no_diagnostics() => ModelAnalyzerAsync(ModelUsings + Users + """
        public enum Level { Low, High }

        [Table("notes", Schema = "app")]
        [Index(nameof(Title), nameof(CreatedAt), Name = "ix_notes_title", IsUnique = true)]
        [Index("owner_id", Method = "hash")]
        public class Note
        {
            [Key] public long NoteKey { get; set; }
            [Required, StringLength(200)] public string Title { get; set; } = "";
            [Column("body_text", TypeName = "jsonb")] public Dictionary<string, string>? Body { get; set; }
            [ForeignKey(nameof(Owner))] public int? OwnerId { get; set; }
            public User? Owner { get; set; }
            public List<Note> Replies { get; set; } = new();
            public Level Level { get; set; }
            public byte[]? Attachment { get; set; }
            [NotMapped] public Uri? Link { get; set; }
            [DefaultValueSql("CURRENT_TIMESTAMP")] public DateTimeOffset CreatedAt { get; set; }
        }
        """);

    [Fact]
    public Task SG0201_an_unmappable_property_type_is_reported_on_the_type() => ModelAnalyzerAsync(ModelUsings + """
        [Table("profiles")]
        public class Profile
        {
            public int Id { get; set; }
            public {|#0:Uri|} Homepage { get; set; } = null!;
            public {|#1:List<int>?|} Scores { get; set; }
        }
        """,
        Diagnostic(SG0201, 0).WithArguments("Profile", "Homepage", "System.Uri"),
        Diagnostic(SG0201, 1).WithArguments("Profile", "Scores", "System.Collections.Generic.List<int>?"));

    [Fact]
    public Task SG0202_a_model_without_a_key_is_reported_on_the_class_name() => ModelAnalyzerAsync(ModelUsings + """
        [Table("notes")]
        public class {|#0:Note|}
        {
            public int Number { get; set; }
        }
        """,
        Diagnostic(SG0202, 0).WithArguments("Note", "notes"));

    [Fact]
    public Task SG0203_an_index_column_that_does_not_exist_is_reported_on_that_argument() => ModelAnalyzerAsync(ModelUsings + """
        [Table("notes")]
        [Index(nameof(Title), {|#0:"missing"|}, Name = "ix_notes")]
        [Index({|#1:"Titel"|})]
        public class Note
        {
            public int Id { get; set; }
            public string Title { get; set; } = "";
        }
        """,
        Diagnostic(SG0203, 0).WithArguments("ix_notes", "Note", "missing"),
        Diagnostic(SG0203, 1).WithArguments("ix_notes_Titel", "Note", "Titel"));

    [Fact]
    public Task SG0204_two_models_for_one_table_are_reported_on_the_second() => ModelAnalyzerAsync(ModelUsings + """
        [Table("notes")]
        public class Note { public int Id { get; set; } }

        [{|#0:Table("notes")|}]
        public class OtherNote { public int Id { get; set; } }

        [Table("notes", Schema = "archive")]
        public class ArchivedNote { public int Id { get; set; } }
        """,
        Diagnostic(SG0204, 0).WithArguments("Note", "OtherNote", "notes"));

    [Fact]
    public Task SG0205_a_navigation_without_a_foreign_key_property() => ModelAnalyzerAsync(ModelUsings + Users + """
        [Table("notes")]
        public class Note
        {
            public int Id { get; set; }
            public User? {|#0:Author|} { get; set; }
        }
        """,
        Diagnostic(SG0205, 0).WithArguments("Note", "Author", "navigation 'Author' has no foreign-key property; add 'AuthorId', or mark the key property [ForeignKey(nameof(Author))]"));

    [Fact]
    public Task SG0205_a_foreign_key_naming_no_navigation_or_no_property() => ModelAnalyzerAsync(ModelUsings + Users + """
        [Table("notes")]
        public class Note
        {
            public int Id { get; set; }
            [{|#0:ForeignKey("Writer")|}] public int WriterId { get; set; }
            [{|#1:ForeignKey("EditorKey")|}] public User? Editor { get; set; }
        }
        """,
        Diagnostic(SG0205, 1).WithArguments("Note", "Editor", "'EditorKey' is not a mapped property of 'Note'; name the foreign-key property, such as [ForeignKey(nameof(UserId))]"),
        Diagnostic(SG0205, 0).WithArguments("Note", "WriterId", "'Writer' is not a property of 'Note' whose type is a [Table] model; name the navigation property, such as [ForeignKey(nameof(User))] with a 'User? User' property"));

    [Fact]
    public Task SG0205_a_foreign_key_with_fewer_columns_than_the_principal_key() => ModelAnalyzerAsync(ModelUsings + """
        [Table("pairs")]
        public class Pair
        {
            [Key, Column(Order = 1)] public int Left { get; set; }
            [Key, Column(Order = 2)] public int Right { get; set; }
        }

        [Table("notes")]
        public class Note
        {
            public int Id { get; set; }
            public int PairId { get; set; }
            [{|#0:ForeignKey(nameof(PairId))|}] public Pair? Pair { get; set; }
        }
        """,
        Diagnostic(SG0205, 0).WithArguments("Note", "Pair", "'Pair' has a primary key of 2 column(s), but 1 foreign-key propert(ies) reference it; name as many properties as its key has"));

    [Fact]
    public Task SG0206_names_longer_than_63_bytes() => ModelAnalyzerAsync(ModelUsings + $$"""
        [{|#0:Table("{{new string('t', 64)}}")|}]
        [{|#1:Index(nameof(Title), Name = "{{new string('i', 64)}}")|}]
        public class Note
        {
            public int Id { get; set; }
            [{|#2:Column("{{new string('ä', 32)}}")|}] public string Title { get; set; } = "";
        }
        """,
        Diagnostic(SG0206, 0).WithArguments("table", new string('t', 64), "64"),
        Diagnostic(SG0206, 2).WithArguments("column", new string('ä', 32), "64"),
        Diagnostic(SG0206, 1).WithArguments("index", new string('i', 64), "64"));

    [Fact]
    public Task SG0207_an_index_name_used_twice_in_a_schema() => ModelAnalyzerAsync(ModelUsings + """
        [Table("notes")]
        [Index(nameof(Title), Name = "ix_title")]
        public class Note { public int Id { get; set; } public string Title { get; set; } = ""; }

        [Table("books")]
        [{|#0:Index(nameof(Title), Name = "ix_title")|}]
        public class Book { public int Id { get; set; } public string Title { get; set; } = ""; }

        [Table("books", Schema = "archive")]
        [Index(nameof(Title), Name = "ix_title")]
        public class ArchivedBook { public int Id { get; set; } public string Title { get; set; } = ""; }
        """,
        Diagnostic(SG0207, 0).WithArguments("ix_title", "Note", "Book"));
}
