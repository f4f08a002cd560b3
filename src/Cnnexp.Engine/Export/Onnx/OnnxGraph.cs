using Google.Protobuf;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace Cnnexp.Engine.Export;

/// <summary>
/// The graph being written: nodes in order, the trained tensors as initializers (looked up by their
/// state_dict key, e.g. <c>conv1.weight</c>), and fixed constants. Every value gets a fresh name, so a
/// row of <see cref="OnnxLayers"/> only says which ops it needs.
/// </summary>
sealed class OnnxGraph(IReadOnlyDictionary<string, Tensor> weights, IReadOnlyDictionary<string, nn.Module>? modules = null)
{
    /// <summary>The exported model's modules by key (<c>conv1</c>, <c>res1.body.conv1</c>): script layers find theirs here.</summary>
    public IReadOnlyDictionary<string, nn.Module> Modules { get; } = modules ?? new Dictionary<string, nn.Module>();

    public GraphProto Proto { get; } = new();
    int next;

    /// <summary>Adds <paramref name="op"/> and returns the name of its one output.</summary>
    public string Node(string op, string scope, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        string output = $"{scope}/{op}_{next++}";
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        Proto.Node.Add(node);
        return output;
    }

    /// <summary>The trained tensor <paramref name="key"/> (a state_dict key) as an initializer.</summary>
    public string Weight(string key)
    {
        if (!weights.TryGetValue(key, out var tensor))
            throw new InvalidOperationException($"the module has no tensor `{key}`; its keys: {string.Join(", ", weights.Keys)}");
        if (Proto.Initializer.All(i => i.Name != key))
        {
            using var cpu = tensor.detach().cpu().to(ScalarType.Float32).contiguous();
            Proto.Initializer.Add(Floats(key, cpu.shape, cpu.data<float>().ToArray()));
        }
        return key;
    }

    /// <summary>A fixed float32 tensor (normalisation statistics, channel weights).</summary>
    public string Constant(string scope, long[] shape, float[] values)
    {
        string name = $"{scope}/const_{next++}";
        Proto.Initializer.Add(Floats(name, shape, values));
        return name;
    }

    /// <summary>A fixed int64 tensor (indices, axes).</summary>
    public string Constant(string scope, long[] shape, long[] values)
    {
        string name = $"{scope}/const_{next++}";
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Int64 };
        t.Dims.AddRange(shape);
        t.Int64Data.AddRange(values);
        Proto.Initializer.Add(t);
        return name;
    }

    static TensorProto Floats(string name, IEnumerable<long> shape, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        t.Dims.AddRange(shape);
        // raw_data is little-endian IEEE 754, as the ONNX spec requires and as x64 stores floats.
        t.RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan()));
        return t;
    }

    /// <summary>A script's attribute as a protobuf one; a value of another type stops the export.</summary>
    public static AttributeProto Attribute(Spec.Scripts.OnnxAttribute a) => a.Value switch
    {
        long or int => Int(a.Name, Convert.ToInt64(a.Value, System.Globalization.CultureInfo.InvariantCulture)),
        double or float => Float(a.Name, Convert.ToDouble(a.Value, System.Globalization.CultureInfo.InvariantCulture)),
        string s => new AttributeProto { Name = a.Name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(s) },
        long[] values => Ints(a.Name, values),
        int[] values => Ints(a.Name, values.Select(v => (long)v).ToArray()),
        float[] values => Floats(a.Name, values),
        double[] values => Floats(a.Name, values.Select(v => (float)v).ToArray()),
        _ => throw new ExportException($"ONNX attribute `{a.Name}` is a {a.Value?.GetType().Name ?? "null"}; give a whole number, a number, a text, or an array of whole numbers or numbers"),
    };

    public static AttributeProto Floats(string name, params float[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        a.Floats.AddRange(values);
        return a;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, double value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = (float)value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }
}
