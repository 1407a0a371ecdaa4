using System.Threading;
using System.Threading.Tasks;
using SchemaGen;

namespace SchemaGen.TenantApp;

[Migration(1, "applications", Description = "Which process applied each migration")]
internal sealed class Applications : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE applications (number int NOT NULL, applied_by text NOT NULL); " +
            "INSERT INTO applications VALUES (1, current_setting('application_name'))", cancellationToken);
}

[Migration(2, "table_2")]
internal sealed class Table2 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t2 (id int PRIMARY KEY); INSERT INTO applications VALUES (2, current_setting('application_name'))", cancellationToken);
}

[Migration(3, "table_3")]
internal sealed class Table3 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t3 (id int PRIMARY KEY); INSERT INTO applications VALUES (3, current_setting('application_name'))", cancellationToken);
}

[Migration(4, "table_4")]
internal sealed class Table4 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t4 (id int PRIMARY KEY); INSERT INTO applications VALUES (4, current_setting('application_name'))", cancellationToken);
}

[Migration(5, "table_5")]
internal sealed class Table5 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t5 (id int PRIMARY KEY); INSERT INTO applications VALUES (5, current_setting('application_name'))", cancellationToken);
}

[Migration(6, "table_6")]
internal sealed class Table6 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t6 (id int PRIMARY KEY); INSERT INTO applications VALUES (6, current_setting('application_name'))", cancellationToken);
}

[Migration(7, "table_7")]
internal sealed class Table7 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t7 (id int PRIMARY KEY); INSERT INTO applications VALUES (7, current_setting('application_name'))", cancellationToken);
}

[Migration(8, "table_8")]
internal sealed class Table8 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t8 (id int PRIMARY KEY); INSERT INTO applications VALUES (8, current_setting('application_name'))", cancellationToken);
}

[Migration(9, "table_9")]
internal sealed class Table9 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t9 (id int PRIMARY KEY); INSERT INTO applications VALUES (9, current_setting('application_name'))", cancellationToken);
}

[Migration(10, "table_10")]
internal sealed class Table10 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t10 (id int PRIMARY KEY); INSERT INTO applications VALUES (10, current_setting('application_name'))", cancellationToken);
}

[Migration(11, "table_11")]
internal sealed class Table11 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t11 (id int PRIMARY KEY); INSERT INTO applications VALUES (11, current_setting('application_name'))", cancellationToken);
}

[Migration(12, "table_12")]
internal sealed class Table12 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t12 (id int PRIMARY KEY); INSERT INTO applications VALUES (12, current_setting('application_name'))", cancellationToken);
}

[Migration(13, "table_13")]
internal sealed class Table13 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t13 (id int PRIMARY KEY); INSERT INTO applications VALUES (13, current_setting('application_name'))", cancellationToken);
}

[Migration(14, "table_14")]
internal sealed class Table14 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t14 (id int PRIMARY KEY); INSERT INTO applications VALUES (14, current_setting('application_name'))", cancellationToken);
}

[Migration(15, "table_15")]
internal sealed class Table15 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t15 (id int PRIMARY KEY); INSERT INTO applications VALUES (15, current_setting('application_name'))", cancellationToken);
}

[Migration(16, "table_16")]
internal sealed class Table16 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t16 (id int PRIMARY KEY); INSERT INTO applications VALUES (16, current_setting('application_name'))", cancellationToken);
}

[Migration(17, "table_17")]
internal sealed class Table17 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t17 (id int PRIMARY KEY); INSERT INTO applications VALUES (17, current_setting('application_name'))", cancellationToken);
}

[Migration(18, "table_18")]
internal sealed class Table18 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t18 (id int PRIMARY KEY); INSERT INTO applications VALUES (18, current_setting('application_name'))", cancellationToken);
}

[Migration(19, "table_19")]
internal sealed class Table19 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t19 (id int PRIMARY KEY); INSERT INTO applications VALUES (19, current_setting('application_name'))", cancellationToken);
}

[Migration(20, "table_20")]
internal sealed class Table20 : Migration
{
    public override Task UpAsync(MigrationContext context, CancellationToken cancellationToken)
        => context.ExecuteAsync("CREATE TABLE t20 (id int PRIMARY KEY); INSERT INTO applications VALUES (20, current_setting('application_name'))", cancellationToken);
}
