using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;

namespace Cnnexp.Engine.Data.Downloads;

/// <summary>
/// Downloads one file into a folder: to a temporary name first, checking the MD5 as the bytes
/// arrive, renamed only when complete and verified, so an interrupted or corrupt download never
/// looks like a finished file. Tries each address in turn.
/// </summary>
public static class Downloader
{
    /// <summary>The downloaded file's path; <see cref="DownloadFailedException"/> says why each address failed.</summary>
    public static async Task<string> FetchAsync(RemoteFile file, string folder, DataOptions options, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(folder);
        string target = Path.Combine(folder, file.Name);
        var failures = new List<string>();
        using var client = NewClient(options);
        foreach (string url in Addresses(file, options))
        {
            string temp = Path.Combine(folder, $".{file.Name}.{Guid.NewGuid():n}.part");
            try
            {
                options.Log?.Invoke($"downloading {url}");
                string md5 = await CopyAsync(client, url, temp, file, options, cancel);
                if (md5 != file.Md5 && !SameContent(temp, file))
                {
                    failures.Add($"{url}: received a file with MD5 {md5}, expected {file.Md5} (deleted)");
                    continue;
                }
                File.Move(temp, target, overwrite: true);
                return target;
            }
            catch (HttpRequestException e) { failures.Add($"{url}: {Reason(e)}"); }
            catch (OperationCanceledException) when (!cancel.IsCancellationRequested) { failures.Add($"{url}: no data for {options.Timeout.TotalSeconds:0} s"); }
            catch (IOException e) when (e is not FileNotFoundException) { failures.Add($"{url}: {e.Message}"); }
            finally { File.Delete(temp); }
        }
        throw new DownloadFailedException(file, failures);
    }

    static IEnumerable<string> Addresses(RemoteFile file, DataOptions options) =>
        options.Mirror is { } mirror ? [mirror.TrimEnd('/') + "/" + file.Name] : file.Urls;

    static HttpClient NewClient(DataOptions options) =>
        new(new SocketsHttpHandler { ConnectTimeout = options.Timeout, AutomaticDecompression = DecompressionMethods.None })
        {
            Timeout = Timeout.InfiniteTimeSpan,      // a large file may take long; stalls are caught per read instead
            DefaultRequestHeaders = { { "User-Agent", "cnnexp (dataset download)" } },
        };

    /// <summary>Streams the response into <paramref name="temp"/>, hashing as it goes; returns the MD5.</summary>
    static async Task<string> CopyAsync(HttpClient client, string url, string temp, RemoteFile file, DataOptions options, CancellationToken cancel)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        idle.CancelAfter(options.Timeout);
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, idle.Token);
        response.EnsureSuccessStatusCode();
        long? total = response.Content.Headers.ContentLength ?? (file.Size > 0 ? file.Size : null);
        await using var input = await response.Content.ReadAsStreamAsync(idle.Token);
        await using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20, useAsync: true);
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        var buffer = new byte[1 << 20];
        long received = 0;
        options.Progress?.Report(new DownloadProgress(file.Name, 0, total));
        while (true)
        {
            idle.CancelAfter(options.Timeout);                      // restart the stall clock on every read
            int n = await input.ReadAsync(buffer, idle.Token);
            if (n == 0) break;
            await output.WriteAsync(buffer.AsMemory(0, n), cancel);
            md5.AppendData(buffer, 0, n);
            received += n;
            options.Progress?.Report(new DownloadProgress(file.Name, received, total));
        }
        if (total is long expected && response.Content.Headers.ContentLength is not null && received != expected)
            throw new IOException($"connection closed after {received:N0} of {expected:N0} bytes");
        return Convert.ToHexStringLower(md5.GetHashAndReset());
    }

    /// <summary>A .gz whose header differs (a mirror that compressed it again) is accepted when its content has the known MD5.</summary>
    static bool SameContent(string path, RemoteFile file)
    {
        if (file.ContentMd5 is null) return false;
        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            return Convert.ToHexStringLower(MD5.HashData(gzip)) == file.ContentMd5;
        }
        catch (InvalidDataException) { return false; }
    }

    static string Reason(HttpRequestException e) =>
        e.StatusCode is { } status ? $"HTTP {(int)status} {status}" : e.InnerException?.Message ?? e.Message;
}

/// <summary>No address delivered the file; <see cref="Failures"/> says why, one line per address.</summary>
public sealed class DownloadFailedException(RemoteFile file, IReadOnlyList<string> failures)
    : Exception($"could not download {file.Name}: {string.Join("; ", failures)}")
{
    public RemoteFile File { get; } = file;
    public IReadOnlyList<string> Failures { get; } = failures;
}
