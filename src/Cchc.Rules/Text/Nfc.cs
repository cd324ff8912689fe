using System.Text;

namespace Cchc.Rules.Text;

/// <summary>
/// Unicode NFC that does not depend on ICU. With invariant globalization (<c>DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1</c>,
/// the default of Alpine-based .NET images) <see cref="string.Normalize(NormalizationForm)"/> returns its input
/// unchanged, so a header or a name typed on a Mac (NFD) would no longer match its input. When the runtime cannot
/// normalise, the canonical compositions of the Latin letters (Latin-1 to Latin Extended-B and Latin Extended
/// Additional: every Vietnamese letter) are applied here, from a table generated from the Unicode Character Database
/// (Unicode 14, Python's unicodedata); the result is the same bytes as ICU's NFC for that repertoire.
/// </summary>
internal static class Nfc
{
    /// <summary>Whether string.Normalize works here (false under invariant globalization).</summary>
    internal static readonly bool RuntimeNormalizes = "e\u0301".Normalize(NormalizationForm.FormC) == "\u00E9";

    // (base, combining mark, composite), three characters per entry: the single-level canonical decompositions.
    private const string Table =
        "\u0041\u0300\u00C0\u0041\u0301\u00C1\u0041\u0302\u00C2\u0041\u0303\u00C3\u0041\u0308\u00C4\u0041\u030A\u00C5\u0043\u0327\u00C7\u0045\u0300\u00C8"
        + "\u0045\u0301\u00C9\u0045\u0302\u00CA\u0045\u0308\u00CB\u0049\u0300\u00CC\u0049\u0301\u00CD\u0049\u0302\u00CE\u0049\u0308\u00CF\u004E\u0303\u00D1"
        + "\u004F\u0300\u00D2\u004F\u0301\u00D3\u004F\u0302\u00D4\u004F\u0303\u00D5\u004F\u0308\u00D6\u0055\u0300\u00D9\u0055\u0301\u00DA\u0055\u0302\u00DB"
        + "\u0055\u0308\u00DC\u0059\u0301\u00DD\u0061\u0300\u00E0\u0061\u0301\u00E1\u0061\u0302\u00E2\u0061\u0303\u00E3\u0061\u0308\u00E4\u0061\u030A\u00E5"
        + "\u0063\u0327\u00E7\u0065\u0300\u00E8\u0065\u0301\u00E9\u0065\u0302\u00EA\u0065\u0308\u00EB\u0069\u0300\u00EC\u0069\u0301\u00ED\u0069\u0302\u00EE"
        + "\u0069\u0308\u00EF\u006E\u0303\u00F1\u006F\u0300\u00F2\u006F\u0301\u00F3\u006F\u0302\u00F4\u006F\u0303\u00F5\u006F\u0308\u00F6\u0075\u0300\u00F9"
        + "\u0075\u0301\u00FA\u0075\u0302\u00FB\u0075\u0308\u00FC\u0079\u0301\u00FD\u0079\u0308\u00FF\u0041\u0304\u0100\u0061\u0304\u0101\u0041\u0306\u0102"
        + "\u0061\u0306\u0103\u0041\u0328\u0104\u0061\u0328\u0105\u0043\u0301\u0106\u0063\u0301\u0107\u0043\u0302\u0108\u0063\u0302\u0109\u0043\u0307\u010A"
        + "\u0063\u0307\u010B\u0043\u030C\u010C\u0063\u030C\u010D\u0044\u030C\u010E\u0064\u030C\u010F\u0045\u0304\u0112\u0065\u0304\u0113\u0045\u0306\u0114"
        + "\u0065\u0306\u0115\u0045\u0307\u0116\u0065\u0307\u0117\u0045\u0328\u0118\u0065\u0328\u0119\u0045\u030C\u011A\u0065\u030C\u011B\u0047\u0302\u011C"
        + "\u0067\u0302\u011D\u0047\u0306\u011E\u0067\u0306\u011F\u0047\u0307\u0120\u0067\u0307\u0121\u0047\u0327\u0122\u0067\u0327\u0123\u0048\u0302\u0124"
        + "\u0068\u0302\u0125\u0049\u0303\u0128\u0069\u0303\u0129\u0049\u0304\u012A\u0069\u0304\u012B\u0049\u0306\u012C\u0069\u0306\u012D\u0049\u0328\u012E"
        + "\u0069\u0328\u012F\u0049\u0307\u0130\u004A\u0302\u0134\u006A\u0302\u0135\u004B\u0327\u0136\u006B\u0327\u0137\u004C\u0301\u0139\u006C\u0301\u013A"
        + "\u004C\u0327\u013B\u006C\u0327\u013C\u004C\u030C\u013D\u006C\u030C\u013E\u004E\u0301\u0143\u006E\u0301\u0144\u004E\u0327\u0145\u006E\u0327\u0146"
        + "\u004E\u030C\u0147\u006E\u030C\u0148\u004F\u0304\u014C\u006F\u0304\u014D\u004F\u0306\u014E\u006F\u0306\u014F\u004F\u030B\u0150\u006F\u030B\u0151"
        + "\u0052\u0301\u0154\u0072\u0301\u0155\u0052\u0327\u0156\u0072\u0327\u0157\u0052\u030C\u0158\u0072\u030C\u0159\u0053\u0301\u015A\u0073\u0301\u015B"
        + "\u0053\u0302\u015C\u0073\u0302\u015D\u0053\u0327\u015E\u0073\u0327\u015F\u0053\u030C\u0160\u0073\u030C\u0161\u0054\u0327\u0162\u0074\u0327\u0163"
        + "\u0054\u030C\u0164\u0074\u030C\u0165\u0055\u0303\u0168\u0075\u0303\u0169\u0055\u0304\u016A\u0075\u0304\u016B\u0055\u0306\u016C\u0075\u0306\u016D"
        + "\u0055\u030A\u016E\u0075\u030A\u016F\u0055\u030B\u0170\u0075\u030B\u0171\u0055\u0328\u0172\u0075\u0328\u0173\u0057\u0302\u0174\u0077\u0302\u0175"
        + "\u0059\u0302\u0176\u0079\u0302\u0177\u0059\u0308\u0178\u005A\u0301\u0179\u007A\u0301\u017A\u005A\u0307\u017B\u007A\u0307\u017C\u005A\u030C\u017D"
        + "\u007A\u030C\u017E\u004F\u031B\u01A0\u006F\u031B\u01A1\u0055\u031B\u01AF\u0075\u031B\u01B0\u0041\u030C\u01CD\u0061\u030C\u01CE\u0049\u030C\u01CF"
        + "\u0069\u030C\u01D0\u004F\u030C\u01D1\u006F\u030C\u01D2\u0055\u030C\u01D3\u0075\u030C\u01D4\u00DC\u0304\u01D5\u00FC\u0304\u01D6\u00DC\u0301\u01D7"
        + "\u00FC\u0301\u01D8\u00DC\u030C\u01D9\u00FC\u030C\u01DA\u00DC\u0300\u01DB\u00FC\u0300\u01DC\u00C4\u0304\u01DE\u00E4\u0304\u01DF\u0226\u0304\u01E0"
        + "\u0227\u0304\u01E1\u00C6\u0304\u01E2\u00E6\u0304\u01E3\u0047\u030C\u01E6\u0067\u030C\u01E7\u004B\u030C\u01E8\u006B\u030C\u01E9\u004F\u0328\u01EA"
        + "\u006F\u0328\u01EB\u01EA\u0304\u01EC\u01EB\u0304\u01ED\u01B7\u030C\u01EE\u0292\u030C\u01EF\u006A\u030C\u01F0\u0047\u0301\u01F4\u0067\u0301\u01F5"
        + "\u004E\u0300\u01F8\u006E\u0300\u01F9\u00C5\u0301\u01FA\u00E5\u0301\u01FB\u00C6\u0301\u01FC\u00E6\u0301\u01FD\u00D8\u0301\u01FE\u00F8\u0301\u01FF"
        + "\u0041\u030F\u0200\u0061\u030F\u0201\u0041\u0311\u0202\u0061\u0311\u0203\u0045\u030F\u0204\u0065\u030F\u0205\u0045\u0311\u0206\u0065\u0311\u0207"
        + "\u0049\u030F\u0208\u0069\u030F\u0209\u0049\u0311\u020A\u0069\u0311\u020B\u004F\u030F\u020C\u006F\u030F\u020D\u004F\u0311\u020E\u006F\u0311\u020F"
        + "\u0052\u030F\u0210\u0072\u030F\u0211\u0052\u0311\u0212\u0072\u0311\u0213\u0055\u030F\u0214\u0075\u030F\u0215\u0055\u0311\u0216\u0075\u0311\u0217"
        + "\u0053\u0326\u0218\u0073\u0326\u0219\u0054\u0326\u021A\u0074\u0326\u021B\u0048\u030C\u021E\u0068\u030C\u021F\u0041\u0307\u0226\u0061\u0307\u0227"
        + "\u0045\u0327\u0228\u0065\u0327\u0229\u00D6\u0304\u022A\u00F6\u0304\u022B\u00D5\u0304\u022C\u00F5\u0304\u022D\u004F\u0307\u022E\u006F\u0307\u022F"
        + "\u022E\u0304\u0230\u022F\u0304\u0231\u0059\u0304\u0232\u0079\u0304\u0233\u0041\u0325\u1E00\u0061\u0325\u1E01\u0042\u0307\u1E02\u0062\u0307\u1E03"
        + "\u0042\u0323\u1E04\u0062\u0323\u1E05\u0042\u0331\u1E06\u0062\u0331\u1E07\u00C7\u0301\u1E08\u00E7\u0301\u1E09\u0044\u0307\u1E0A\u0064\u0307\u1E0B"
        + "\u0044\u0323\u1E0C\u0064\u0323\u1E0D\u0044\u0331\u1E0E\u0064\u0331\u1E0F\u0044\u0327\u1E10\u0064\u0327\u1E11\u0044\u032D\u1E12\u0064\u032D\u1E13"
        + "\u0112\u0300\u1E14\u0113\u0300\u1E15\u0112\u0301\u1E16\u0113\u0301\u1E17\u0045\u032D\u1E18\u0065\u032D\u1E19\u0045\u0330\u1E1A\u0065\u0330\u1E1B"
        + "\u0228\u0306\u1E1C\u0229\u0306\u1E1D\u0046\u0307\u1E1E\u0066\u0307\u1E1F\u0047\u0304\u1E20\u0067\u0304\u1E21\u0048\u0307\u1E22\u0068\u0307\u1E23"
        + "\u0048\u0323\u1E24\u0068\u0323\u1E25\u0048\u0308\u1E26\u0068\u0308\u1E27\u0048\u0327\u1E28\u0068\u0327\u1E29\u0048\u032E\u1E2A\u0068\u032E\u1E2B"
        + "\u0049\u0330\u1E2C\u0069\u0330\u1E2D\u00CF\u0301\u1E2E\u00EF\u0301\u1E2F\u004B\u0301\u1E30\u006B\u0301\u1E31\u004B\u0323\u1E32\u006B\u0323\u1E33"
        + "\u004B\u0331\u1E34\u006B\u0331\u1E35\u004C\u0323\u1E36\u006C\u0323\u1E37\u1E36\u0304\u1E38\u1E37\u0304\u1E39\u004C\u0331\u1E3A\u006C\u0331\u1E3B"
        + "\u004C\u032D\u1E3C\u006C\u032D\u1E3D\u004D\u0301\u1E3E\u006D\u0301\u1E3F\u004D\u0307\u1E40\u006D\u0307\u1E41\u004D\u0323\u1E42\u006D\u0323\u1E43"
        + "\u004E\u0307\u1E44\u006E\u0307\u1E45\u004E\u0323\u1E46\u006E\u0323\u1E47\u004E\u0331\u1E48\u006E\u0331\u1E49\u004E\u032D\u1E4A\u006E\u032D\u1E4B"
        + "\u00D5\u0301\u1E4C\u00F5\u0301\u1E4D\u00D5\u0308\u1E4E\u00F5\u0308\u1E4F\u014C\u0300\u1E50\u014D\u0300\u1E51\u014C\u0301\u1E52\u014D\u0301\u1E53"
        + "\u0050\u0301\u1E54\u0070\u0301\u1E55\u0050\u0307\u1E56\u0070\u0307\u1E57\u0052\u0307\u1E58\u0072\u0307\u1E59\u0052\u0323\u1E5A\u0072\u0323\u1E5B"
        + "\u1E5A\u0304\u1E5C\u1E5B\u0304\u1E5D\u0052\u0331\u1E5E\u0072\u0331\u1E5F\u0053\u0307\u1E60\u0073\u0307\u1E61\u0053\u0323\u1E62\u0073\u0323\u1E63"
        + "\u015A\u0307\u1E64\u015B\u0307\u1E65\u0160\u0307\u1E66\u0161\u0307\u1E67\u1E62\u0307\u1E68\u1E63\u0307\u1E69\u0054\u0307\u1E6A\u0074\u0307\u1E6B"
        + "\u0054\u0323\u1E6C\u0074\u0323\u1E6D\u0054\u0331\u1E6E\u0074\u0331\u1E6F\u0054\u032D\u1E70\u0074\u032D\u1E71\u0055\u0324\u1E72\u0075\u0324\u1E73"
        + "\u0055\u0330\u1E74\u0075\u0330\u1E75\u0055\u032D\u1E76\u0075\u032D\u1E77\u0168\u0301\u1E78\u0169\u0301\u1E79\u016A\u0308\u1E7A\u016B\u0308\u1E7B"
        + "\u0056\u0303\u1E7C\u0076\u0303\u1E7D\u0056\u0323\u1E7E\u0076\u0323\u1E7F\u0057\u0300\u1E80\u0077\u0300\u1E81\u0057\u0301\u1E82\u0077\u0301\u1E83"
        + "\u0057\u0308\u1E84\u0077\u0308\u1E85\u0057\u0307\u1E86\u0077\u0307\u1E87\u0057\u0323\u1E88\u0077\u0323\u1E89\u0058\u0307\u1E8A\u0078\u0307\u1E8B"
        + "\u0058\u0308\u1E8C\u0078\u0308\u1E8D\u0059\u0307\u1E8E\u0079\u0307\u1E8F\u005A\u0302\u1E90\u007A\u0302\u1E91\u005A\u0323\u1E92\u007A\u0323\u1E93"
        + "\u005A\u0331\u1E94\u007A\u0331\u1E95\u0068\u0331\u1E96\u0074\u0308\u1E97\u0077\u030A\u1E98\u0079\u030A\u1E99\u017F\u0307\u1E9B\u0041\u0323\u1EA0"
        + "\u0061\u0323\u1EA1\u0041\u0309\u1EA2\u0061\u0309\u1EA3\u00C2\u0301\u1EA4\u00E2\u0301\u1EA5\u00C2\u0300\u1EA6\u00E2\u0300\u1EA7\u00C2\u0309\u1EA8"
        + "\u00E2\u0309\u1EA9\u00C2\u0303\u1EAA\u00E2\u0303\u1EAB\u1EA0\u0302\u1EAC\u1EA1\u0302\u1EAD\u0102\u0301\u1EAE\u0103\u0301\u1EAF\u0102\u0300\u1EB0"
        + "\u0103\u0300\u1EB1\u0102\u0309\u1EB2\u0103\u0309\u1EB3\u0102\u0303\u1EB4\u0103\u0303\u1EB5\u1EA0\u0306\u1EB6\u1EA1\u0306\u1EB7\u0045\u0323\u1EB8"
        + "\u0065\u0323\u1EB9\u0045\u0309\u1EBA\u0065\u0309\u1EBB\u0045\u0303\u1EBC\u0065\u0303\u1EBD\u00CA\u0301\u1EBE\u00EA\u0301\u1EBF\u00CA\u0300\u1EC0"
        + "\u00EA\u0300\u1EC1\u00CA\u0309\u1EC2\u00EA\u0309\u1EC3\u00CA\u0303\u1EC4\u00EA\u0303\u1EC5\u1EB8\u0302\u1EC6\u1EB9\u0302\u1EC7\u0049\u0309\u1EC8"
        + "\u0069\u0309\u1EC9\u0049\u0323\u1ECA\u0069\u0323\u1ECB\u004F\u0323\u1ECC\u006F\u0323\u1ECD\u004F\u0309\u1ECE\u006F\u0309\u1ECF\u00D4\u0301\u1ED0"
        + "\u00F4\u0301\u1ED1\u00D4\u0300\u1ED2\u00F4\u0300\u1ED3\u00D4\u0309\u1ED4\u00F4\u0309\u1ED5\u00D4\u0303\u1ED6\u00F4\u0303\u1ED7\u1ECC\u0302\u1ED8"
        + "\u1ECD\u0302\u1ED9\u01A0\u0301\u1EDA\u01A1\u0301\u1EDB\u01A0\u0300\u1EDC\u01A1\u0300\u1EDD\u01A0\u0309\u1EDE\u01A1\u0309\u1EDF\u01A0\u0303\u1EE0"
        + "\u01A1\u0303\u1EE1\u01A0\u0323\u1EE2\u01A1\u0323\u1EE3\u0055\u0323\u1EE4\u0075\u0323\u1EE5\u0055\u0309\u1EE6\u0075\u0309\u1EE7\u01AF\u0301\u1EE8"
        + "\u01B0\u0301\u1EE9\u01AF\u0300\u1EEA\u01B0\u0300\u1EEB\u01AF\u0309\u1EEC\u01B0\u0309\u1EED\u01AF\u0303\u1EEE\u01B0\u0303\u1EEF\u01AF\u0323\u1EF0"
        + "\u01B0\u0323\u1EF1\u0059\u0300\u1EF2\u0079\u0300\u1EF3\u0059\u0323\u1EF4\u0079\u0323\u1EF5\u0059\u0309\u1EF6\u0079\u0309\u1EF7\u0059\u0303\u1EF8"
        + "\u0079\u0303\u1EF9";

    private static readonly Dictionary<(char Base, char Mark), char> Compose = BuildCompose();
    private static readonly Dictionary<char, (char Base, char Mark)> Decompose = Compose.ToDictionary(p => p.Value, p => p.Key);

    /// <summary>The NFC form of <paramref name="text"/>: the runtime's where it works, else this table's.</summary>
    public static string Normalize(string text)
    {
        // Most cells of a data sheet are numbers and codes: ASCII is always in NFC, and checking it is vectorised.
        if (System.Text.Ascii.IsValid(text))
        {
            return text;
        }

        if (RuntimeNormalizes)
        {
            // Vietnamese text written precomposed ("có", "không", a commune's name) is in NFC too, and asking ICU costs a
            // native call per cell: below U+0300 and in Latin Extended Additional (U+1E00–U+1EFF) every character is
            // NFC on its own (NFC_QC=Yes), none is a combining mark, and none is the second half of a canonical
            // composition, so a string of them alone is left unchanged by ICU's NFC.
            if (IsPrecomposedLatin(text))
            {
                return text;
            }

            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        return Fallback(text);
    }

    /// <summary>Whether every character is below U+0300 or in U+1E00–U+1EFF (a string of such characters is in NFC).</summary>
    internal static bool IsPrecomposedLatin(string text)
    {
        foreach (var c in text)
        {
            if (c >= '\u0300' && (c < '\u1E00' || c > '\u1EFF'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>NFC by the table alone (public to the tests, which compare it with ICU).</summary>
    internal static string Fallback(string text)
    {
        var hasMark = false;
        foreach (var c in text)
        {
            if (CombiningClass(c) != 0)
            {
                hasMark = true;
                break;
            }
        }

        if (!hasMark)
        {
            return text;
        }

        // Decompose, put each run of marks in canonical order, then compose (UAX #15).
        var decomposed = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            AppendDecomposed(decomposed, c);
        }

        for (var i = 1; i < decomposed.Length; i++)
        {
            var cc = CombiningClass(decomposed[i]);
            for (var j = i; cc != 0 && j > 0 && CombiningClass(decomposed[j - 1]) > cc; j--)
            {
                (decomposed[j - 1], decomposed[j]) = (decomposed[j], decomposed[j - 1]);
            }
        }

        var result = new StringBuilder(decomposed.Length);
        var starter = -1;
        var lastClass = 0;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            var cc = CombiningClass(c);
            if (starter >= 0)
            {
                var adjacent = result.Length - 1 == starter;
                var blocked = !adjacent && (lastClass == 0 || lastClass >= cc);
                if (!blocked && Compose.TryGetValue((result[starter], c), out var composite))
                {
                    result[starter] = composite;
                    continue;
                }
            }

            if (cc == 0)
            {
                starter = result.Length;
            }

            lastClass = cc;
            result.Append(c);
        }

        return result.ToString();
    }

    private static void AppendDecomposed(StringBuilder builder, char c)
    {
        if (Decompose.TryGetValue(c, out var parts))
        {
            AppendDecomposed(builder, parts.Base);
            builder.Append(parts.Mark);
        }
        else
        {
            builder.Append(c);
        }
    }

    /// <summary>The canonical combining class of the marks U+0300–U+036F (0 for every other character).</summary>
    internal static int CombiningClass(char c) => c switch
    {
        < '\u0300' or > '\u036F' => 0,
        '\u034F' => 0,
        '\u0334' or '\u0335' or '\u0336' or '\u0337' or '\u0338' => 1,
        '\u0321' or '\u0322' or '\u0327' or '\u0328' => 202,
        '\u031B' => 216,
        '\u0316' or '\u0317' or '\u0318' or '\u0319' or '\u031C' or '\u031D' or '\u031E' or '\u031F' or '\u0320' or '\u0323' or '\u0324' or '\u0325' or '\u0326' or '\u0329' or '\u032A' or '\u032B' or '\u032C' or '\u032D' or '\u032E' or '\u032F' or '\u0330' or '\u0331' or '\u0332' or '\u0333' or '\u0339' or '\u033A' or '\u033B' or '\u033C' or '\u0347' or '\u0348' or '\u0349' or '\u034D' or '\u034E' or '\u0353' or '\u0354' or '\u0355' or '\u0356' or '\u0359' or '\u035A' => 220,
        '\u0315' or '\u031A' or '\u0358' => 232,
        '\u035C' or '\u035F' or '\u0362' => 233,
        '\u035D' or '\u035E' or '\u0360' or '\u0361' => 234,
        '\u0345' => 240,
        _ => 230,
    };

    private static Dictionary<(char Base, char Mark), char> BuildCompose()
    {
        var map = new Dictionary<(char, char), char>(Table.Length / 3);
        for (var i = 0; i + 2 < Table.Length; i += 3)
        {
            map[(Table[i], Table[i + 1])] = Table[i + 2];
        }

        return map;
    }
}
