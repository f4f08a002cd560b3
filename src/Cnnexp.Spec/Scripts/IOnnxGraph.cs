namespace Cnnexp.Spec.Scripts;

/// <summary>
/// The ONNX graph (opset 17) a `- script:` layer writes its own nodes into, when its build supplies
/// them (<c>LayerBuild.Onnx</c> in hooks). Values are named by strings: the layer gets its input's name
/// and returns its output's. Shared by the hook contracts and the engine's exporter, so it holds
/// names and numbers only.
/// </summary>
public interface IOnnxGraph
{
    /// <summary>Adds a node of operator <paramref name="op"/> (e.g. <c>Conv</c>, <c>Relu</c>) and returns its one output's name.</summary>
    string Node(string op, IReadOnlyList<string> inputs, params OnnxAttribute[] attributes);

    /// <summary>The layer module's own parameter or buffer (its state_dict key inside the layer, e.g. <c>weight</c>) as an initializer.</summary>
    string Weight(string name);

    /// <summary>A fixed float32 tensor.</summary>
    string Constant(long[] shape, float[] values);

    /// <summary>A fixed int64 tensor (axes, indices, shapes).</summary>
    string Constant(long[] shape, long[] values);
}

/// <summary>An attribute of an ONNX node: a whole number, a number, a text, or a list of whole numbers or numbers.</summary>
public sealed record OnnxAttribute(string Name, object Value)
{
    public static OnnxAttribute Int(string name, long value) => new(name, value);
    public static OnnxAttribute Float(string name, double value) => new(name, value);
    public static OnnxAttribute Ints(string name, params long[] values) => new(name, values);
    public static OnnxAttribute Floats(string name, params float[] values) => new(name, values);
    public static OnnxAttribute Text(string name, string value) => new(name, value);
}
