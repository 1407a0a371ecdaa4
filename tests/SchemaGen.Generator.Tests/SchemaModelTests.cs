using SchemaGen.Generator.Parse.SchemaModel;
using SchemaGen.Schema;
using static SchemaGen.Generator.Tests.Sources;

namespace SchemaGen.Generator.Tests;

/// <summary>The schema model the generator emits: compiled, loaded and read back, plus the type and name rules behind it.</summary>
public class SchemaModelTests
{
    private static string Describe(ColumnModel c)
        => $"{c.Name} {c.StoreType}{(c.IsNullable ? "" : " NOT NULL")}{(c.DefaultSql is null ? "" : " DEFAULT " + c.DefaultSql)}{(c.Generation == ColumnGeneration.None ? "" : " " + c.Generation)}";

    [Fact]
    public void Every_supported_CLR_type_maps_to_its_PostgreSQL_type_and_nullability_follows_the_annotations()
    {
        var model = CompiledRegistry.LoadSchema(ModelUsings + """
            public enum Level : short { Low, High }

            [Table("everything")]
            public class Everything
            {
                public int Id { get; set; }
                public long Big { get; set; }
                public short Small { get; set; }
                public byte Tiny { get; set; }
                public bool Flag { get; set; }
                public string Text { get; set; } = "";
                [MaxLength(20)] public string? Short { get; set; }
                [StringLength(45)] public string? Address { get; set; }
                public decimal Money { get; set; }
                public double Ratio { get; set; }
                public float Approx { get; set; }
                public Guid Token { get; set; }
                public DateTime Local { get; set; }
                public DateTimeOffset? At { get; set; }
                public DateOnly Day { get; set; }
                public TimeOnly Time { get; set; }
                public TimeSpan Span { get; set; }
                public byte[] Blob { get; set; } = [];
                public string[]? Tags { get; set; }
                public Level Level { get; set; }
                [Column(TypeName = "text")] public Level LevelAsText { get; set; }
                [Column(TypeName = "jsonb")] public Dictionary<string, int>? Payload { get; set; }
                [Required] public int? RequiredNumber { get; set; }
                [Required] public string? RequiredText { get; set; }
                [Column("renamed_column")] public int IPAddressV4 { get; set; }
                [DefaultValueSql("'info'")] public string? Severity { get; set; }
                [NotMapped] public int Ignored { get; set; }
                public static int Static { get; set; }
                internal int Internal { get; set; }
            }
            """);

        var table = Assert.Single(model.Tables);
        Assert.Equal(("everything", null), (table.Name, table.Schema));
        Assert.Equal(
            [
                "id integer NOT NULL Identity",
                "big bigint NOT NULL",
                "small smallint NOT NULL",
                "tiny smallint NOT NULL",
                "flag boolean NOT NULL",
                "text text NOT NULL",
                "short character varying(20)",
                "address character varying(45)",
                "money numeric NOT NULL",
                "ratio double precision NOT NULL",
                "approx real NOT NULL",
                "token uuid NOT NULL",
                "local timestamp without time zone NOT NULL",
                "at timestamp with time zone",
                "day date NOT NULL",
                "time time without time zone NOT NULL",
                "span interval NOT NULL",
                "blob bytea NOT NULL",
                "tags text[]",
                "level smallint NOT NULL",
                "level_as_text text NOT NULL",
                "payload jsonb",
                "required_number integer NOT NULL",
                "required_text text NOT NULL",
                "renamed_column integer NOT NULL",
                "severity text DEFAULT 'info'",
            ],
            table.Columns.Select(Describe));
        Assert.Equal(["id"], table.PrimaryKey);
    }

    [Fact]
    public void Keys_identity_serial_and_composite()
    {
        var model = CompiledRegistry.LoadSchema(ModelUsings + """
            [Table("a")] public class A { [Key] public long Number { get; set; } }
            [Table("b")] public class B { [Key, Column(TypeName = "serial")] public int Id { get; set; } }
            [Table("c")] public class C { [Key, DatabaseGenerated(DatabaseGeneratedOption.None)] public int Id { get; set; } }
            [Table("d")] public class D { public Guid DId { get; set; } }
            [Table("e")] public class E
            {
                [Key, Column(Order = 2)] public int Second { get; set; }
                [Key, Column(Order = 1)] public int First { get; set; }
                [DatabaseGenerated(DatabaseGeneratedOption.Identity)] public long Sequence { get; set; }
            }
            [Table("f")] public class F { [Key, Column(TypeName = "bigserial")] public long Id { get; set; } }
            """);

        Assert.Equal(
            [
                "a: number bigint NOT NULL Identity | number",
                "b: id integer NOT NULL Serial | id",
                "c: id integer NOT NULL | id",
                "d: d_id uuid NOT NULL | d_id",
                "e: second integer NOT NULL, first integer NOT NULL, sequence bigint NOT NULL Identity | first, second",
                "f: id bigint NOT NULL Serial | id",
            ],
            model.Tables.Select(t => $"{t.Name}: {string.Join(", ", t.Columns.Select(Describe))} | {string.Join(", ", t.PrimaryKey)}"));
    }

    [Fact]
    public void Foreign_keys_reference_the_principal_key_from_either_side_or_by_convention()
    {
        var model = CompiledRegistry.LoadSchema(ModelUsings + """
            [Table("users", Schema = "auth")] public class User { [Key] public int UserNumber { get; set; } }
            [Table("pairs")] public class Pair { [Key, Column(Order = 1)] public int Left { get; set; } [Key, Column(Order = 2)] public int Right { get; set; } }
            [Table("notes")]
            public class Note
            {
                public int Id { get; set; }
                [ForeignKey(nameof(Author))] public int AuthorRef { get; set; }
                public User Author { get; set; } = null!;
                public int? EditorId { get; set; }
                public User? Editor { get; set; }
                public int PairLeft { get; set; }
                public int PairRight { get; set; }
                [ForeignKey("PairLeft, PairRight")] public Pair? Pair { get; set; }
                public List<Note> Children { get; set; } = new();
            }
            """);

        var notes = model.Tables.Single(t => t.Name == "notes");
        Assert.Equal(["id", "author_ref", "editor_id", "pair_left", "pair_right"], notes.Columns.Select(c => c.Name));
        Assert.Equal(
            ["(author_ref) → auth.users (user_number)", "(editor_id) → auth.users (user_number)", "(pair_left, pair_right) → .pairs (left, right)"],
            notes.ForeignKeys.Select(fk => $"({string.Join(", ", fk.Columns)}) → {fk.PrincipalSchema}.{fk.PrincipalTable} ({string.Join(", ", fk.PrincipalColumns)})"));
        Assert.Equal(["notes", "pairs", "users"], model.Tables.Select(t => t.Name));
    }

    [Fact]
    public void Indexes_resolve_property_names_to_columns_and_get_a_default_name()
    {
        var model = CompiledRegistry.LoadSchema(ModelUsings + """
            [Table("audit_logs")]
            [Index(nameof(EventType), nameof(CreatedAt), Name = "idx_audit_logs_event_type_created_at")]
            [Index("created_at")]
            [Index(nameof(Tags), Method = "gin")]
            [Index(nameof(EventType), IsUnique = true, Name = "ux_event")]
            public class AuditLog
            {
                public int Id { get; set; }
                public string EventType { get; set; } = "";
                public string[] Tags { get; set; } = [];
                public DateTimeOffset CreatedAt { get; set; }
            }
            """);

        Assert.Equal(
            [
                "idx_audit_logs_event_type_created_at (event_type, created_at)",
                "ix_audit_logs_created_at (created_at)",
                "ix_audit_logs_tags (tags) gin",
                "ux_event (event_type) unique",
            ],
            Assert.Single(model.Tables).Indexes.Select(i => $"{i.Name} ({string.Join(", ", i.Columns)}){(i.Method is null ? "" : " " + i.Method)}{(i.IsUnique ? " unique" : "")}"));
    }

    [Fact]
    public void A_migration_calls_the_generated_AutoSchemaAsync_without_arguments_even_with_no_models()
    {
        var registry = CompiledRegistry.Load(Sources.File("""
            [Migration(1, "models")]
            public sealed class Models : Migration
            {
                public override async Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
                {
                    await context.AutoSchemaAsync();
                    await context.AutoSchemaAsync(cancellationToken);
                }
            }
            """));

        Assert.Equal("001_models", Assert.Single(registry).Id);
        Assert.Empty(CompiledRegistry.LoadSchema("public class NoModels { }").Tables);
    }

    [Theory]
    [InlineData("varchar(45)", "character varying(45)")]
    [InlineData("VARCHAR ( 45 )", "character varying(45)")]
    [InlineData("character varying", "character varying")]
    [InlineData("int", "integer")]
    [InlineData("int8", "bigint")]
    [InlineData("bool", "boolean")]
    [InlineData("numeric(10, 2)", "numeric(10,2)")]
    [InlineData("decimal", "numeric")]
    [InlineData("timestamptz", "timestamp with time zone")]
    [InlineData("TIMESTAMP WITH TIME ZONE", "timestamp with time zone")]
    [InlineData("timestamptz(3)", "timestamp(3) with time zone")]
    [InlineData("timestamp", "timestamp without time zone")]
    [InlineData("float8", "double precision")]
    [InlineData("char", "character(1)")]
    [InlineData("int[]", "integer[]")]
    [InlineData("text[]", "text[]")]
    [InlineData("jsonb", "jsonb")]
    [InlineData("CITEXT", "citext")]
    public void Type_names_are_written_the_way_format_type_prints_them(string written, string expected)
    {
        Assert.Equal(expected, StoreTypes.FromTypeName(written, out var isSerial));
        Assert.False(isSerial);
    }

    [Theory]
    [InlineData("serial", "integer")]
    [InlineData("BIGSERIAL", "bigint")]
    [InlineData("smallserial", "smallint")]
    public void Serial_type_names_are_stored_as_their_integer_type(string written, string expected)
    {
        Assert.Equal(expected, StoreTypes.FromTypeName(written, out var isSerial));
        Assert.True(isSerial);
    }

    [Theory]
    [InlineData("Id", "id")]
    [InlineData("CreatedAt", "created_at")]
    [InlineData("IPAddress", "ip_address")]
    [InlineData("UserId2Fa", "user_id2_fa")]
    [InlineData("already_snake", "already_snake")]
    [InlineData("HTTPRequestURL", "http_request_url")]
    public void Property_names_become_snake_case(string property, string column) => Assert.Equal(column, SnakeCase.From(property));
}
