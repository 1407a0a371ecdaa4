using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Contenders;

/// <summary>EF Core: <c>Database.MigrateAsync()</c> over generated migration classes, one context type per migration set.</summary>
internal sealed class EfCoreContender(int count) : Contender
{
    public override async Task MigrateAsync(string connectionString)
    {
        await using DbContext context = count switch
        {
            100 => new EfContext100(Options<EfContext100>(connectionString)),
            1000 => new EfContext1000(Options<EfContext1000>(connectionString)),
            _ => throw new ArgumentException("EF Core migration sets exist for 100 and 1000 migrations."),
        };
        await context.Database.MigrateAsync();
    }

    private static DbContextOptions<T> Options<T>(string connectionString)
        where T : DbContext
        => new DbContextOptionsBuilder<T>()
            .UseNpgsql(connectionString)
            // The migrations carry no model snapshot (the model is empty); that is not a pending model change.
            .ConfigureWarnings(warnings => warnings.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options;
}

public sealed class EfContext100(DbContextOptions<EfContext100> options) : DbContext(options);

public sealed class EfContext1000(DbContextOptions<EfContext1000> options) : DbContext(options);
