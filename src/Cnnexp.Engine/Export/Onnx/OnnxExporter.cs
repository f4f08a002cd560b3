using System.Text.Json;
using Cnnexp.Spec.Binding;
using Cnnexp.Spec.Layers;
using Cnnexp.Spec.Planning;
using Cnnexp.Spec.Transforms;
using Google.Protobuf;
using Onnx;
using TorchSharp.Modules;

namespace Cnnexp.Engine.Export;

/// <summary>
/// A planned model with its trained weights as an ONNX file (opset 17, IR 8) that takes raw
/// (N, C, H, W) float images in [0, 1] and returns (N, classes) logits: the input transforms and the
/// normalisation are nodes of the graph, and the metadata records the class names, the input shape and
/// the normalisation. Written through the official onnx.proto (Google.Protobuf), from the plan: no trace.
/// </summary>
public static class OnnxExporter
{
    public const int Opset = 17;
    /// <summary>ONNX 1.12's IR version, the newest Debian's onnx checker (python3-onnx 1.12) accepts.</summary>
    public const int IrVersion = 8;
    public const string InputName = "input";
    public const string OutputName = "logits";

    public static IReadOnlyCollection<Type> LayerTypes => OnnxLayers.LayerTypes;
    public static IReadOnlyCollection<Type> TransformTypes => OnnxLayers.TransformTypes;

    /// <summary>Throws, naming the first layer or transform that has no ONNX form and its YAML line, before any file is written.</summary>
    /// <exception cref="ExportException">A `- script:` layer or transform.</exception>
    public static void Check(ModelPlan model)
    {
        foreach (var t in model.Transforms.Where(t => !OnnxLayers.Has(t))) throw NotExportable("input transform", t.Spec.Kind, t.Spec);
        foreach (var l in model.AllLayers.Where(l => !OnnxLayers.Has(l))) throw NotExportable(l.Spec.Kind, l.Name, l.Spec);
    }

    /// <summary>Writes <paramref name="module"/> (built from <paramref name="model"/>, weights loaded) to <paramref name="path"/>.</summary>
    public static string Write(Sequential module, ModelPlan model, ExperimentPlan experiment, string path)
    {
        Check(model);
        var weights = module.state_dict();
        var g = new OnnxGraph(weights, module.named_modules().ToDictionary(m => m.name, m => m.module));
        g.Proto.Name = $"{experiment.Spec.Name}.{model.Name}";
        g.Proto.Input.Add(Value(InputName, "N", model.Input.Dims));
        g.Proto.Output.Add(Value(OutputName, "N", model.Output.Dims));
        string x = InputName;                                                   // (N, C, H, W) in [0, 1]
        foreach (var t in model.Transforms) x = OnnxLayers.Transform(g, t, "input/" + t.Spec.Kind, x);
        foreach (var l in model.Layers) x = OnnxLayers.Layer(g, l, l.Name, x);
        g.Proto.Node.Add(new NodeProto { OpType = "Identity", Name = OutputName, Input = { x }, Output = { OutputName } });   // (N, classes)

        var proto = new ModelProto
        {
            IrVersion = IrVersion, ProducerName = "cnnexp", ProducerVersion = typeof(OnnxExporter).Assembly.GetName().Version?.ToString(3) ?? "",
            DocString = $"cnnexp experiment `{experiment.Spec.Name}`, model `{model.Name}`: raw (N, {string.Join(", ", model.Input.Dims)}) images in [0, 1] -> logits",
            Graph = g.Proto,
        };
        proto.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in Metadata(model, experiment)) proto.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using (var file = File.Create(path)) proto.WriteTo(file);
        return path;
    }

    /// <summary>What a program needs to feed the model and read its output, as JSON values (docs/onnx.md).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Metadata(ModelPlan model, ExperimentPlan experiment) =>
    [
        new("cnnexp.experiment", experiment.Spec.Name),
        new("cnnexp.model", model.Name),
        new("classes", JsonSerializer.Serialize(experiment.Dataset.Classes)),
        new("input_shape", JsonSerializer.Serialize(model.Input.WithBatch(-1).Select(d => d < 0 ? (object)"N" : d))),
        new("input_range", "[0, 1]"),
        new("transforms", JsonSerializer.Serialize(model.Transforms.Select(t => t.Spec.Kind))),
        new("normalize", JsonSerializer.Serialize(model.Transforms.Where(t => t.Spec is Normalize)
            .Select(t => new { mean = ((Normalize)t.Spec).MeanFor(t.Input.C), std = ((Normalize)t.Spec).StdFor(t.Input.C) }))),
    ];

    static ValueInfoProto Value(string name, string batch, IReadOnlyList<int> dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batch });
        foreach (int d in dims) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = d });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    static ExportException NotExportable(string what, string name, SpecNode node) => new(
        $"{(node.Where is { } at ? at + ": " : "")}{what} `{name}` cannot be written as ONNX" +
        (node is ScriptTransform ? ": it is a C# script input transform, whose module only TorchSharp can run"
            : node is ScriptLayer ? ": it is a C# script whose build supplies no ONNX nodes (set `Onnx` in its LayerBuild: docs/hooks.md)" : ""));
}
