using Cnnexp.Data.Tests.Support;
using Cnnexp.Engine.Data;

namespace Cnnexp.Data.Tests;

/// <summary>`cnnexp data list|fetch` from C# and F#: the facade's DataSets, with the cache folder given, not read from the environment.</summary>
public class DataSetsFacadeTests
{
    [Fact]
    public void List_says_what_is_built_in_and_what_is_missing_from_an_empty_cache()
    {
        using var tmp = new TempDir();
        var settings = new DataSettings { Root = tmp.Path, Host = new Engine.Host.HostSettings() };
        Assert.Equal(tmp.Path, DataSets.CacheRoot(settings));
        var list = DataSets.List(settings);
        Assert.Equal("built in", Assert.Single(list, s => s.Info.Name == "synthetic").Location);
        Assert.Null(Assert.Single(list, s => s.Info.Name == "cifar10").Location);
        Assert.Contains("cifar10", DataSets.Fetchable);
    }

    [Fact]
    public async Task Fetching_an_unknown_data_set_names_the_known_ones()
    {
        using var tmp = new TempDir();
        var e = await Assert.ThrowsAsync<DataException>(() => DataSets.FetchAsync("cifar11", new DataSettings { Root = tmp.Path }));
        Assert.Contains("unknown data set `cifar11`; known: ", e.Message);
        Assert.Contains("cifar10", e.Message);
        Assert.Empty(tmp.Files());                                   // nothing written
    }
}
