using System.Text.Json;
using Cchc.Scoring.Cards;
using Cchc.Scoring.Ranking;

namespace Cchc.Scoring.Tests.Support;

/// <summary>The full cards of a ranking, as its JSON output prints them (the rows keep only standings).</summary>
internal static class RankingCardsReader
{
    /// <summary>Each row's card JSON, in row order, as written by the JSON output.</summary>
    public static List<string> CardJson(RankingReport report)
    {
        using var stream = new MemoryStream();
        RankingWriter.Write(report, RankingFormat.Json, stream, CancellationToken.None);
        using var document = JsonDocument.Parse(stream.ToArray());
        return [.. document.RootElement.GetProperty("rows").EnumerateArray().Select(row => row.GetProperty("card").GetRawText())];
    }

    /// <summary>Each row's card, read back from the JSON output, by unit code.</summary>
    public static Dictionary<string, ScoreCard> Cards(RankingReport report)
        => CardJson(report).Select(ScoreCardJson.Deserialize).ToDictionary(c => c.Unit.Code, StringComparer.Ordinal);
}
