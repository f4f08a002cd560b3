namespace Cnnexp.Results.Statistics;

/// <summary>
/// The decision rule of an adaptive study, as a pure function of the results so far. It replays
/// the waves from the first (<see cref="AdaptivePolicy.Min"/> seeds) on, so a resumed run, a run whose
/// units were trained by many processes and an uninterrupted run all decide exactly alike.
/// </summary>
/// <remarks>
/// After each wave every comparison's confidence sequence is updated (<see cref="SequentialComparison"/>).
/// With racing, the anytime-valid p-values of every pair of models go through Holm's (1979)
/// step-down procedure ("A simple sequentially rejective multiple test procedure", Scandinavian Journal
/// of Statistics 6(2)); a model significantly worse than another is dropped and trains no more seeds.
/// Anytime-valid p-values hold at every wave at once, so Holm applied after every wave still bounds
/// the chance of dropping any model that is not worse by α (docs/statistics.md).
/// </remarks>
public static class AdaptiveStudy
{
    /// <param name="models">The models, in spec order.</param>
    /// <param name="accuracy">A finished unit's final test accuracy; null while the unit is not finished.</param>
    /// <param name="failed">True for a unit that failed (it will never have a result).</param>
    public static AdaptiveDecision Decide(AdaptivePolicy policy, IReadOnlyList<string> models,
        Func<string, int, double?> accuracy, Func<string, int, bool> failed)
    {
        var pairs = (from i in Enumerable.Range(0, models.Count) from j in Enumerable.Range(i + 1, models.Count - i - 1)
                     select (A: models[i], B: models[j])).ToList();
        var deciding = policy.Compare.Count > 0 ? policy.Compare : pairs;
        var alive = models.ToList();
        var dropped = new List<DroppedModel>();
        var frozen = new Dictionary<(string, string), int>();                 // pair → seeds it was compared on when a side was dropped
        int complete = 0;
        for (int n = Math.Max(2, policy.Min); ; n++)
        {
            var wave = (from m in alive from s in Enumerable.Range(0, n) where accuracy(m, s) is null select (Model: m, Seed: s)).ToList();
            var broken = wave.FirstOrDefault(u => failed(u.Model, u.Seed));
            if (broken.Model is not null)
                return Result(StopReason.UnitFailed, complete, []) with { Failure = $"{broken.Model} seed {broken.Seed}" };
            if (wave.Count > 0) return Result(StopReason.Continue, complete, wave);
            complete = n;
            if (policy.Race) Race(n);
            var now = deciding.Select(p => Compare(p, SeedsOf(p, n))).ToList();
            if (now.All(c => c.Outcome != Outcome.Undecided || frozen.ContainsKey(Key(c.A, c.B))))
                return Result(StopReason.Resolved, n, []);
            if (alive.Count == 1) return Result(StopReason.OneModelLeft, n, []);
            if (n >= policy.Max) return Result(StopReason.MaxSeeds, n, []);
        }

        int SeedsOf((string A, string B) p, int n) => frozen.TryGetValue(Key(p.A, p.B), out int f) ? f : n;

        SequentialComparison Compare((string A, string B) p, int n) =>
            SequentialComparison.Of(p.A, p.B, Differences(p, n), policy.Alpha, policy.Margin);

        List<double> Differences((string A, string B) p, int n) =>
            Enumerable.Range(0, n).Select(s => accuracy(p.A, s)!.Value - accuracy(p.B, s)!.Value).ToList();

        void Race(int n)
        {
            var current = pairs.Select(p => Compare(p, SeedsOf(p, n))).ToList();
            var order = current.OrderBy(c => c.PValue).ToList();
            for (int k = 0; k < order.Count; k++)                              // Holm: the k-th smallest p against α / (m − k)
            {
                var c = order[k];
                if (c.PValue > policy.Alpha / (order.Count - k)) break;
                var (better, worse) = c.MeanDifference > 0 ? (c.A, c.B) : (c.B, c.A);
                if (!alive.Contains(worse) || !alive.Contains(better) || alive.Count == 1) continue;
                alive.Remove(worse);
                dropped.Add(new DroppedModel(worse, n, better, c.PValue));
                foreach (var p in pairs.Where(p => p.A == worse || p.B == worse)) frozen.TryAdd(Key(p.A, p.B), n);
            }
        }

        AdaptiveDecision Result(StopReason reason, int n, IReadOnlyList<(string, int)> next)
        {
            var history = deciding.ToDictionary(p => $"{p.A}|{p.B}",
                p => SeedsOf(p, n) < 2 ? (IReadOnlyList<SequentialComparison>)[]
                    : SequentialComparison.History(p.A, p.B, Differences(p, SeedsOf(p, n)), policy.Alpha, policy.Margin));
            int trained = models.Sum(m => Enumerable.Range(0, policy.Max).Count(s => accuracy(m, s) is not null || failed(m, s)));
            return new AdaptiveDecision
            {
                Seeds = n, Reason = reason, Dropped = dropped, Next = next,
                Comparisons = n < 2 ? [] : deciding.Select(p => Compare(p, SeedsOf(p, n))).ToList(),
                History = history,
                UnitsSaved = reason == StopReason.Continue ? 0 : models.Count * policy.Max - trained,
            };
        }
    }

    static (string, string) Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
}
