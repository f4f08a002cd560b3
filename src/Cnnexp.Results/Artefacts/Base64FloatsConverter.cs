using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cnnexp.Results.Artefacts;

/// <summary>float[] as base64 of little-endian float32: exact, and about 4x smaller than decimal text.</summary>
public sealed class Base64FloatsConverter : JsonConverter<float[]>
{
    public override float[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        byte[] bytes = reader.GetBytesFromBase64();
        if (bytes.Length % sizeof(float) != 0) throw new JsonException($"{bytes.Length} bytes is not a whole number of float32 values");
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("artefacts are little-endian float32");
        return MemoryMarshal.Cast<byte, float>(bytes).ToArray();
    }

    public override void Write(Utf8JsonWriter writer, float[] value, JsonSerializerOptions options)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("artefacts are little-endian float32");
        writer.WriteBase64StringValue(MemoryMarshal.AsBytes(value.AsSpan()));
    }
}
