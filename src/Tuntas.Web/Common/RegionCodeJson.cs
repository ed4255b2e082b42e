using System.Text.Json;
using System.Text.Json.Serialization;
using Tuntas.Domain.Regions;

namespace Tuntas.Web.Common;

/// <summary>Region codes in API answers are their dotted text ("64.74.01"), as everywhere else.</summary>
public sealed class RegionCodeJson : JsonConverter<RegionCode>
{
    public override RegionCode Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        RegionCode.TryParse(reader.GetString(), out var code) ? code : throw new JsonException("Not a Kemendagri region code.");

    public override void Write(Utf8JsonWriter writer, RegionCode value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
