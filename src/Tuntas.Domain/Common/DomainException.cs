namespace Tuntas.Domain.Common;

/// <summary>A rule of the domain was broken; the message is meant for the person who did it.</summary>
public class DomainException(string message) : Exception(message);
