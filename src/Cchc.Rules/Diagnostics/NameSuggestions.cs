namespace Cchc.Rules.Diagnostics;

/// <summary>"Did you mean …?" for misspelt names.</summary>
public static class NameSuggestions
{
    /// <summary>The closest known name: the same letters in another case, or within a few edits; null if none is close.</summary>
    public static string? Closest(string? name, IEnumerable<string> known)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        var list = known.ToList();
        var sameCase = list.Find(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (sameCase is not null)
        {
            return sameCase;
        }

        // The distance is at least the difference in length: a name far longer than every candidate (a field name of
        // megabytes in a hostile file) is not compared at all.
        var best = list.Where(k => Math.Abs(k.Length - name.Length) <= 3)
            .Select(k => (Name: k, Distance: Levenshtein(k.ToLowerInvariant(), name.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(1, Math.Min(3, name.Length / 3)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Name;
    }

    /// <summary>
    /// Edits from one name to the other: a letter inserted, deleted, changed, or two neighbours swapped (<c>ttch</c> for
    /// <c>tthc</c> is one edit, the commonest slip of the fingers).
    /// </summary>
    private static int Levenshtein(string a, string b)
    {
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
