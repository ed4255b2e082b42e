using System.Reflection;
using Xunit.Sdk;

namespace Tuntas.Testing;

/// <summary>
/// Runs a test once per database provider: SQLite and PostgreSQL. The PostgreSQL case fails (it is
/// never skipped) when no server was provided; only <c>TUNTAS_TEST_PROVIDERS=sqlite</c>, set by
/// hand for a quick local run, leaves it out.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class DatabaseDataAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) =>
        TestDatabase.EnabledProviders.Select(p => new object[] { p });
}
