namespace Tuntas.Cli.Common;

/// <summary>The exit codes of every command (contracts §2).</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Done, but some input was rejected; the valid part is kept.</summary>
    public const int PartlyRejected = 1;

    /// <summary>Usage error or unreadable input; nothing was written.</summary>
    public const int UsageError = 2;

    /// <summary>The operation ran and found a problem (for example tampering).</summary>
    public const int ProblemFound = 3;
}
