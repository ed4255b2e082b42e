namespace Tuntas.Domain.Common;

/// <summary>
/// A broken rule of the domain, named by <see cref="Code"/> with the facts that go into its words. The
/// words themselves are in the interface's resources under <see cref="Key"/> (<c>Error.&lt;Code&gt;</c>),
/// Bahasa Indonesia and English, with <c>{0}</c>-style places for <see cref="Args"/>; the factories
/// that make them are grouped by feature (<c>RegistryErrors</c>, <c>VerificationErrors</c>...).
/// </summary>
/// <remarks>
/// An argument that is itself a word (a status, a date, a list joined by "or") is kept as its value
/// and given words in the reader's language by <see cref="ErrorWords.Arguments"/>.
/// </remarks>
public sealed record DomainError(string Code, params object[] Args)
{
    /// <summary>The resource key of the words: <c>Error.</c> and the code.</summary>
    public string Key => "Error." + Code;
}

/// <summary>Choices named in an error, shown as "a, b or c" with the reader's word for "or".</summary>
public sealed record Alternatives(IReadOnlyList<string> Items);
