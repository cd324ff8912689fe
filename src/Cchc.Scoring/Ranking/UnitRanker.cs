using Cchc.Rules;
using Cchc.Scoring.Cards;

namespace Cchc.Scoring.Ranking;

/// <summary>
/// Ranks units: by index, higher first; between equal indexes by the points of the rule set's tie-break
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
    /// <param name="ruleSet">The rule set that scored them (for its areas, tie-break areas and criteria).</param>
    /// <param name="groupByParent">Also rank within each parent unit.</param>
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<ScoreCard> cards, CompiledRuleSet ruleSet, bool groupByParent = false)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(ruleSet);
        return RankStandings(cards.Select((card, i) => UnitStanding.Of(card, ruleSet, null, i)), ruleSet, groupByParent);
    }

    /// <summary>Ranks standings, as <see cref="Rank"/> ranks cards.</summary>
    /// <param name="standings">The units' standings, in any order; codes are expected to be unique.</param>
    /// <param name="ruleSet">The rule set that scored them (for its tie-break areas).</param>
    /// <param name="groupByParent">Also rank within each parent unit.</param>
    public static IReadOnlyList<RankedUnit> RankStandings(IEnumerable<UnitStanding> standings, CompiledRuleSet ruleSet, bool groupByParent = false)
    {
        ArgumentNullException.ThrowIfNull(standings);
        ArgumentNullException.ThrowIfNull(ruleSet);
        var standing = new StandingComparer([.. ruleSet.TieBreakAreas.Select(a => IndexOfArea(ruleSet, a))]);
        var sorted = standings.ToList();
        sorted.Sort((a, b) => Order(standing, a, b));

        var ranks = CompetitionRanks(sorted, standing);
        int?[]? groupRanks = null;
        if (groupByParent)
        {
            groupRanks = new int?[sorted.Count];
            var members = new List<UnitStanding>();
            var places = new List<int>();
            foreach (var group in Enumerable.Range(0, sorted.Count).Where(i => sorted[i].Parent is not null).GroupBy(i => sorted[i].Parent!, StringComparer.Ordinal))
            {
                members.Clear();
                places.Clear();
                foreach (var i in group)
                {
                    members.Add(sorted[i]);
                    places.Add(i);
                }

                var inGroup = CompetitionRanks(members, standing);
                for (var i = 0; i < members.Count; i++)
                {
                    groupRanks[places[i]] = inGroup[i];
                }
            }
        }

        var rows = new List<RankedUnit>(sorted.Count);
        for (var i = 0; i < sorted.Count; i++)
        {
            rows.Add(new RankedUnit(ranks[i], groupRanks?[i], sorted[i]));
        }

        if (groupByParent)
        {
            // Stable: within a parent the rows keep their overall order, which is their group order.
            rows = [.. rows.OrderBy(r => r.Standing.Parent is null ? 1 : 0).ThenBy(r => r.Standing.Parent, StringComparer.Ordinal)];
        }

        return rows;
    }

    /// <summary>The criteria that cost a unit most points, most first; equal losses in rule-set order.</summary>
    public static IReadOnlyList<PointLoss> TopLosses(ScoreCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return [.. Costliest(card.Criteria.Select(c => (c.MaxPoints, c.Points))).Select(l => new PointLoss(card.Criteria[l.Order].Id, card.Criteria[l.Order].Title, card.Criteria[l.Order].Area, l.Lost))];
    }

    /// <summary>The places (among the top-level criteria, given as maximum and points) and losses of the costliest criteria: the one definition of a top loss.</summary>
    internal static IEnumerable<(int Order, decimal Lost)> Costliest(IEnumerable<(decimal MaxPoints, decimal Points)> criteria)
        => criteria
            .Select((c, i) => (Order: i, Lost: c.MaxPoints - c.Points))
            .Where(x => x.Lost > 0)
            .OrderByDescending(x => x.Lost)
            .ThenBy(x => x.Order)
            .Take(TopLossCount);

    private static int IndexOfArea(CompiledRuleSet ruleSet, string area)
    {
        for (var i = 0; i < ruleSet.Areas.Count; i++)
        {
            if (ruleSet.Areas[i].Id == area)
            {
                return i;
            }
        }

        return -1;
    }

    private static int?[] CompetitionRanks(List<UnitStanding> sorted, StandingComparer standing)
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
    private static int Order(StandingComparer standing, UnitStanding a, UnitStanding b)
    {
        var result = standing.Compare(a, b);
        if (result == 0)
        {
            result = string.CompareOrdinal(a.Code, b.Code);
        }

        if (result == 0)
        {
            result = string.CompareOrdinal(a.Parent, b.Parent);
        }

        return result != 0 ? result : string.CompareOrdinal(a.Name, b.Name);
    }

    /// <summary>Better first: a higher index, then more points in each tie-break area; no index comes last.</summary>
    /// <param name="tieBreakAreas">The rule set's tie-break areas by their place among its areas (-1: not an area, 0 points).</param>
    private sealed class StandingComparer(int[] tieBreakAreas) : IComparer<UnitStanding>
    {
        public int Compare(UnitStanding? x, UnitStanding? y)
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

        private static decimal AreaPoints(UnitStanding standing, int area) => area < 0 ? 0 : standing.AreaPoints(area);
    }
}
