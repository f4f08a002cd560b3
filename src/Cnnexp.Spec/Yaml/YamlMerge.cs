namespace Cnnexp.Spec.Yaml;

/// <summary>Deep merge of YAML mappings: keys of <c>over</c> win; nested mappings merge key by key; lists are replaced.</summary>
public static class YamlMerge
{
    public static YMap Deep(YMap under, YMap over)
    {
        var result = under with { Where = over.Where };
        foreach (var entry in over.Entries)
        {
            var merged = result[entry.Key.Value] is YMap a && entry.Value is YMap b ? Deep(a, b) : entry.Value;
            result = result.With(entry.Key.Value, merged, entry.Key.Where);
        }
        return result;
    }
}
