namespace Tuntas.Domain.Common;

/// <summary>
/// The outcome of parsing a user-typed value: either the value, or a reason in plain words
/// that a village operator can act on.
/// </summary>
public readonly record struct ParseResult<T>
{
    private ParseResult(T? value, string? error, DomainError? reason)
    {
        Value = value;
        Error = error;
        Reason = reason;
    }

    public T? Value { get; }

    /// <summary>Plain-language reason the input was refused (English), or null when it was accepted.</summary>
    public string? Error { get; }

    /// <summary>
    /// The same reason typed (a code and its facts), when the parser gives one, so that an edge can
    /// put it in its reader's language (<see cref="ErrorWords"/>).
    /// </summary>
    public DomainError? Reason { get; }

    public bool IsValid => Error is null;

    public static ParseResult<T> Ok(T value) => new(value, null, null);

    public static ParseResult<T> Fail(string error) => new(default, error, null);

    /// <summary>A typed refusal; <see cref="Error"/> holds its English words.</summary>
    public static ParseResult<T> Fail(DomainError reason) => new(default, ErrorWords.Text(reason, ErrorWords.English), reason);

    /// <summary>This refusal (text and typed reason) as the refusal of another type.</summary>
    public ParseResult<TOther> As<TOther>() =>
        Reason is { } reason ? ParseResult<TOther>.Fail(reason) : ParseResult<TOther>.Fail(Error!);

    /// <summary>The value, or an exception carrying the plain-language reason.</summary>
    public T GetValueOrThrow() => IsValid ? Value! : throw new DomainException(Error!);
}
