using Assistant.Dialogs.Desk.Departments;
using Assistant.Tests.Infrastructure;
using Marten;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Desk.Departments;

public sealed class SeedDepartmentsTests(PostgresServer server) : DeskContext(server)
{
    private Task Seed() =>
        new SeedDepartments(Options.Create(Shipped.DeskOptions()), NullLogger<SeedDepartments>.Instance).Populate(Store, Cancel);

    [Fact]
    public async Task The_nine_shipped_departments_are_seeded_and_a_renamed_one_keeps_its_new_name()
    {
        await Seed();
        await using (var session = Store.LightweightSession())
        {
            session.Store(new Department("commerce", "商务局（外事办）", DepartmentKind.Department));
            await session.SaveChangesAsync(Cancel);
        }

        await Seed();

        await using var query = Store.QuerySession();
        var departments = await query.Query<Department>().ToListAsync(Cancel);
        Assert.Equal(9, departments.Count);
        Assert.Equal("商务局（外事办）", departments.Single(d => d.Id == "commerce").Name);
        Assert.Equal(DepartmentKind.ServiceCenter, departments.Single(d => d.Id == "service-center").Kind);
    }
}
