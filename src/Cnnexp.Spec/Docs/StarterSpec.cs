namespace Cnnexp.Spec.Docs;

/// <summary>The commented spec <c>cnnexp new NAME</c> writes: valid as it stands, quick to run, and a tour of the keys.</summary>
public static class StarterSpec
{
    public static string Text(string name) => Template.Replace("{{name}}", name);

    const string Template = """
        # {{name}}: a cnnexp experiment. Check it with `cnnexp check {{name}}.yaml`, see every layer's
        # shape with `cnnexp inspect {{name}}.yaml`, train it with `cnnexp run {{name}}.yaml`.
        # Reference of every key: `cnnexp schema --markdown` (or `cnnexp schema -o FILE` for editor completion).
        name: {{name}}
        description: What does this experiment ask?   # one line, shown in the report
        seeds: [0, 1, 2]                              # every model trains once per seed, same data order

        data:
          dataset: synthetic                          # built in; or cifar10
          batch_size: 64
          limit: 2000                                 # first N examples per split: quick to iterate; remove for the full set
          # normalize: { mean: [0.5, 0.5, 0.5], std: [0.25, 0.25, 0.25] }
          # augment: [random_crop: { padding: 4 }, horizontal_flip]   # training images only

        train:
          epochs: 4
          optimizer: { type: adam, lr: 0.001 }        # adam, adamw or sgd (with momentum)

        models:
          baseline:
            layers:                                   # in_channels / in_features are inferred
              - conv2d: { out: 8, kernel: 3, padding: same }
              - relu
              - maxpool2d: 2                          # (N, 8, 32, 32) -> (N, 8, 16, 16)
              - conv2d: { out: 16, kernel: 3, padding: same }
              - relu
              - maxpool2d: 2
              - flatten
              - linear: { out: 64 }
              - relu
              - linear: { out: 10 }                   # one output per class
          gray:
            extends: baseline                         # same layers...
            input: [grayscale]                        # ...on one BT.601 luma channel
          # wider:
          #   extends: baseline
          #   set: { conv1.out: 16 }                  # override a field of a named layer
          #   insert_after: { relu1: [dropout2d: 0.1] }
          # sweep_width:
          #   extends: baseline
          #   sweep: { conv1.out: [4, 8, 16] }        # three variants: sweep_width[conv1.out=4], ...

        """;
}
