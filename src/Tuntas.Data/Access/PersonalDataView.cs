namespace Tuntas.Data.Access;

/// <summary>
/// One look at people's personal data (UU PDP 27/2022): who read which household, or which list
/// of households and how many, when. Appended on every read; never changed.
/// </summary>
public sealed class PersonalDataView
{
    public long Id { get; set; }

    /// <summary>The user's name as signed in (or as the owner of the API token).</summary>
    public required string UserName { get; set; }

    /// <summary>The user's role then (<c>operator</c>, <c>analyst</c>…).</summary>
    public required string Role { get; set; }

    /// <summary>What was read: see <see cref="PersonalDataLog"/>'s action names.</summary>
    public required string Action { get; set; }

    /// <summary>The No. KK of the household, or the list as asked for (<c>extremePoor 2025-04-09</c>).</summary>
    public required string Subject { get; set; }

    /// <summary>The household's desa/kelurahan, or the region of the list.</summary>
    public string? Region { get; set; }

    /// <summary>Households in the list as shown or exported; null for one household.</summary>
    public int? Count { get; set; }

    /// <summary>UTC.</summary>
    public DateTime At { get; set; }
}
