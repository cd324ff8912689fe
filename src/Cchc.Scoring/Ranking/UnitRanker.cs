using Cchc.Rules;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// Ranks score cards: by index, higher first; between equal indexes by the points of the rule set's tie-break
/// areas in order, higher first; units still equal share a rank (competition ranking: 1, 2, 2, 4).
/// </summary>
public static class UnitRanker
{
    /// <summary>How many of the costliest criteria each row names.</summary>
    public const int TopLossCount = 3;

    /// <summary>
    /// Ranks the cards. Rows come best first; equal units by code (ordinal), so the order never depends on the
    /// input's. With <paramref name="groupByParent"/>, each unit also gets its rank among the units of its parent,
    /// and rows are ordered by parent code, then by that rank. Units without an index come last, unranked.
    /// </summary>
    /// <param name="cards">The score cards, in any order; codes are expected to be unique.</param>
    /// <param name="ruleSet">The rule set that scored them (for its tie-break areas).</param>
    /// <param name="groupByParent">Also rank within each parent unit.</param>
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<ScoreCard> cards, CompiledRuleSet ruleSet, bool groupByParent = false)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var standing = new StandingComparer(ruleSet.TieBreakAreas);
        var sorted = cards.ToList();
        sorted.Sort((a, b) => Order(standing, a, b));

        var ranks = CompetitionRanks(sorted, standing);
        var groupRanks = new Dictionary<ScoreCard, int?>(ReferenceEqualityComparer.Instance);
        if (groupByParent)
        {
            foreach (var group in sorted.Where(c => c.Unit.Parent is not null).GroupBy(c => c.Unit.Parent!, StringComparer.Ordinal))
            {
                var members = group.ToList();
                var inGroup = CompetitionRanks(members, standing);
                for (var i = 0; i < members.Count; i++)
                {
                    groupRanks[members[i]] = inGroup[i];
                }
            }
        }

        var rows = sorted.Select((card, i) => new RankedUnit(
            ranks[i],
            groupRanks.GetValueOrDefault(card),
            card with { Rank = ranks[i] },
            TopLosses(card))).ToList();
        if (groupByParent)
        {
            // Stable: within a parent the rows keep their overall order, which is their group order.
            rows = [.. rows.OrderBy(r => r.Card.Unit.Parent is null ? 1 : 0).ThenBy(r => r.Card.Unit.Parent, StringComparer.Ordinal)];
        }

        return rows;
    }

    /// <summary>The criteria that cost a unit most points, most first; equal losses in rule-set order.</summary>
    public static IReadOnlyList<PointLoss> TopLosses(ScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.Criteria
            .Select((c, i) => (Loss: new PointLoss(c.Id, c.Title, c.Area, c.MaxPoints - c.Points), Order: i))
            .Where(x => x.Loss.Lost > 0)
            .OrderByDescending(x => x.Loss.Lost)
            .ThenBy(x => x.Order)
            .Take(TopLossCount)
            .Select(x => x.Loss)
            .ToList();
    }

    private static int?[] CompetitionRanks(List<ScoreCard> sorted, StandingComparer standing)
    {
        var ranks = new int?[sorted.Count];
        for (var i = 0; i < sorted.Count; i++)
        {
            if (sorted[i].Index is null)
            {
                continue;
            }

            ranks[i] = i > 0 && standing.Compare(sorted[i - 1], sorted[i]) == 0 ? ranks[i - 1] : i + 1;
        }

        return ranks;
    }

    /// <summary>The full order: standing, then identity, so that equal units always come out the same way.</summary>
    private static int Order(StandingComparer standing, ScoreCard a, ScoreCard b)
    {
        var result = standing.Compare(a, b);
        if (result == 0)
        {
            result = string.CompareOrdinal(a.Unit.Code, b.Unit.Code);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(a.Unit.Parent, b.Unit.Parent);
        }

        return result != 0 ? result : string.CompareOrdinal(a.Unit.Name, b.Unit.Name);
    }

    /// <summary>Better first: a higher index, then more points in each tie-break area; no index comes last.</summary>
    private sealed class StandingComparer(IReadOnlyList<string> tieBreakAreas) : IComparer<ScoreCard>
    {
        public int Compare(ScoreCard? x, ScoreCard? y)
        {
            ArgumentNullException.ThrowIfNull(x);
            ArgumentNullException.ThrowIfNull(y);
            if (x.Index is null || y.Index is null)
            {
                return (x.Index is null).CompareTo(y.Index is null);
            }

            var result = y.Index.Value.CompareTo(x.Index.Value);
            foreach (var area in tieBreakAreas)
            {
                if (result != 0)
                {
                    break;
                }

                result = AreaPoints(y, area).CompareTo(AreaPoints(x, area));
            }

            return result;
        }

        private static decimal AreaPoints(ScoreCard card, string area)
        {
            foreach (var score in card.Areas)
            {
                if (score.Id == area)
                {
                    return score.Points;
                }
            }

            return 0;
        }
    }
}
