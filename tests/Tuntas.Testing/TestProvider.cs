namespace Tuntas.Testing;

/// <summary>The databases every repository and integration test runs on.</summary>
public enum TestProvider
{
    Sqlite,
    Postgres,
}
