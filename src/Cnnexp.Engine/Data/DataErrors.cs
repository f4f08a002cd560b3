using System.Globalization;

namespace Cnnexp.Engine.Data;

/// <summary>One factory per kind of bad data, so every message names the file and what was expected.</summary>
static class DataErrors
{
    public static DataException WrongLength(string file, long actual, long expected, string layout) => new(
        $"`{file}` is {N(actual)} bytes; expected {N(expected)}: {layout}. " +
        (actual < expected ? "The file is truncated (an interrupted copy or download?)" : "The file has extra bytes: it is not the expected file") +
        "; delete it and fetch it again.");

    public static DataException Checksum(string file, string actual, string expected) => new(
        $"`{file}` has MD5 {actual}, expected {expected} (the published checksum): the file is corrupt or not the official one. " +
        "Delete it and fetch it again.");

    public static DataException Corrupt(string file, string problem, string expected) => new(
        $"`{file}`: {problem}; expected {expected}.");

    public static DataException LabelOutOfRange(string file, long record, long label, int classes, string dataset) => new(
        $"`{file}`: record {N(record)} has label {label}, but {dataset} has {classes} classes (labels 0-{classes - 1}).");

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
