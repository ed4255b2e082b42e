namespace Tuntas.Web;

/// <summary>
/// Marker for the interface texts in <c>Resources/SharedResource.resx</c> (Bahasa Indonesia, the
/// default) and <c>Resources/SharedResource.en.resx</c> (English).
/// </summary>
public sealed class SharedResource;
