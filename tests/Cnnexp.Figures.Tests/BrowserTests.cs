using Cnnexp.Figures.Report;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Cnnexp.Figures.Tests;

/// <summary>The report of a real run, opened offline in headless Chromium (Debian's, driven by Playwright).</summary>
[Collection("real run")]
public class BrowserTests(RealRun run, ITestOutputHelper output)
{
    const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_opens_offline_in_Chromium_without_errors_and_shows_every_image_and_the_statistics()
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: `apt-get install -y chromium` (.ci/run installs it)");
        string html = Path.Combine(run.Dir, RunReport.HtmlFile);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            Offline = true, ViewportSize = new ViewportSize { Width = 1320, Height = 1000 },
        });
        var page = await context.NewPageAsync();
        var problems = new List<string>();
        var requests = new List<string>();
        page.Console += (_, m) => { if (m.Type is "error" or "warning") problems.Add($"console {m.Type}: {m.Text}"); };
        page.PageError += (_, e) => problems.Add($"page error: {e}");
        page.RequestFailed += (_, r) => problems.Add($"request failed: {r.Url}");
        page.Request += (_, r) => requests.Add(r.Url);

        await page.GotoAsync(new Uri(html).AbsoluteUri, new PageGotoOptions { WaitUntil = WaitUntilState.Load });

        var widths = await page.EvalOnSelectorAllAsync<int[]>("img", "images => images.map(i => i.complete ? i.naturalWidth : 0)");
        Assert.Equal(run.Result.Figures.Count / 2, widths.Length);              // one PNG per figure (the SVGs are files)
        Assert.All(widths, w => Assert.True(w > 0, "an image did not decode"));
        Assert.Equal(run.Result.Summary!.Models.Count, await page.Locator("#statistics tbody tr").CountAsync());
        string stats = await page.InnerTextAsync("#statistics");
        Assert.Contains("standard", stats);
        Assert.Contains("sumfirst", stats);
        Assert.True(await page.Locator("#figure-channel_contributions").IsVisibleAsync());
        Assert.Contains("+ input:", await page.InnerTextAsync("#models"));      // sumfirst's diff from standard

        string shot = Repo.Artefacts("figures", "report.png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot, FullPage = true });
        output.WriteLine($"screenshot: {shot}");
        Assert.Empty(problems);
        Assert.All(requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), $"network request: {url}"));
        Assert.True(new FileInfo(shot).Length > 10_000);
    }
}
