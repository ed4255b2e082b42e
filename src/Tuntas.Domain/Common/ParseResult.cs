namespace Tuntas.Domain.Common;

/// <summary>
/// The outcome of parsing a user-typed value: either the value, or a reason in plain words
/// that a village operator can act on.
/// </summary>
public readonly record struct ParseResult<T>
{
    private ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>Plain-language reason the input was refused, or null when it was accepted.</summary>
    public string? Error { get; }

    public bool IsValid => Error is null;

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(default, error);

    /// <summary>The value, or an exception carrying the plain-language reason.</summary>
    public T GetValueOrThrow() => IsValid ? Value! : throw new DomainException(Error!);
}
