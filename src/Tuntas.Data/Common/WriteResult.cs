using Tuntas.Domain.Common;

namespace Tuntas.Data.Common;

/// <summary>Why a write did not happen. The edges (pages, API, command line) turn it into words.</summary>
public abstract record WriteError
{
    /// <summary>A rule of the domain was broken; the exception carries what and why.</summary>
    public sealed record RuleBroken(DomainException Rule) : WriteError;

    /// <summary>Someone else changed the same record since it was read: the caller reloads and tries again.</summary>
    public sealed record Conflict(string Subject) : WriteError;

    /// <summary>The record does not exist, or is outside the caller's region or role (the same to the caller).</summary>
    public sealed record NotFound(string Subject) : WriteError;

    /// <summary>The caller's role may not make this change.</summary>
    public sealed record NotAllowed(string Subject) : WriteError;

    /// <summary>The reason in English, for the command line and the API's problem details.</summary>
    public string English => this switch
    {
        RuleBroken broken => broken.Rule.Message,
        Conflict => "Someone else changed this record a moment ago; nothing was saved. Try again.",
        NotFound n => $"{n.Subject} was not found, or it is outside your region.",
        NotAllowed n => $"Your role cannot change {n.Subject}.",
        _ => GetType().Name,
    };
}

/// <summary>The outcome of a use case: its value, or the one reason it was refused (nothing was kept).</summary>
public readonly record struct WriteResult<T>
{
    private WriteResult(T? value, WriteError? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    public WriteError? Error { get; }

    public bool Succeeded => Error is null;

    public static WriteResult<T> Ok(T value) => new(value, null);

    public static WriteResult<T> Failed(WriteError error) => new(default, error);

    public static implicit operator WriteResult<T>(WriteError error) => Failed(error);
}

/// <summary>A use case that returns nothing but success.</summary>
public readonly record struct Done
{
    public static readonly Done Value;
}
