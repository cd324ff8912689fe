using System.Text;
using Cchc.Scoring.Tests.Support;
using Cchc.Scoring.Units;
using FsCheck.Xunit;

namespace Cchc.Scoring.Tests.Units;

/// <summary>
/// Issue 10, reading side: random and mutated CSV and JSON bytes never make a reader throw, and every data line (CSV)
/// or item (JSON) is accounted for — a unit or a located rejection. The seed drives the mutations, so a failure
/// replays with the seed FsCheck prints.
/// </summary>
public sealed class ReadingFuzzProperties : IDisposable
{
    private static readonly string[] Sample = File.ReadAllLines(Path.Combine(Paths.Samples, "phu-quy.csv"));

    /// <summary>Literals a careless or hostile JSON file may hold where a number belongs.</summary>
    private static readonly string[] HostileNumbers =
    [
        "1e308", "-1e308", "NaN", "Infinity", "-Infinity", "1e40", "10000000000000000000000000000000000000000", "0x1F", "01", ".5", "1.",
        "1e-400", "1e99999999999", "-0", "1E+30", "123456789012345678901234567890", "79228162514264337593543950336", "-", "+1", "1e", "9" + new string('9', 5000),
    ];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Property(MaxTest = 300)]
    public bool Csv_MutatedBytes_NeverThrowAndEveryDataLineIsAUnitOrARejection(int seed)
    {
        var random = new Random(seed);
        var lines = random.Next(3) == 0 ? ["code,name,level", "x1,Xã Một,xa", "x2,\"Xã Hai, cũ\",xa", "x3,Xã Ba,xa"] : Sample.ToArray();
        var delimiter = random.Next(2) == 0 ? ',' : ';';
        var text = string.Join(random.Next(2) == 0 ? "\n" : "\r\n", lines.Select(l => delimiter == ',' ? l : l.Replace(',', ';'))) + (random.Next(2) == 0 ? "\n" : "");
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        for (var m = random.Next(1, 9); m > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes.Insert(at, (byte)'"');
                    break;
                case 1:
                    bytes.Insert(at, (byte)delimiter);
                    break;
                case 2:
                    bytes.Insert(at, (byte)random.Next(0x80, 0x100));
                    break;
                case 3 when bytes[at] is not ((byte)'\n' or (byte)'\r'):
                    bytes.RemoveAt(at);
                    break;
                case 4 when bytes[at] is not ((byte)'\n' or (byte)'\r'):
                    bytes[at] = (byte)random.Next(0x20, 0x100);
                    break;
                default:
                    bytes.InsertRange(at, "\"\""u8.ToArray());
                    break;
            }
        }

        var path = Path.Combine(_temp.Root, $"fuzz-{seed}.csv");
        File.WriteAllBytes(path, [.. bytes]);
        var results = new UnitFileReader(Shipped.RuleSet).Read(path).ToList();

        // Data lines: every line after the header that is not blank (a line of undecodable bytes is not blank).
        var raw = Split(bytes.ToArray());
        var header = raw.FindIndex(l => !IsBlank(l));
        var dataLines = raw.Skip(header + 1).Count(l => !IsBlank(l));
        var continuation = results.Select(r => r.Unit).OfType<UnitData>()
            .Sum(u => new[] { u.Code, u.Name, u.Parent }.Concat(u.Values.Values.OfType<string>()).Sum(v => v?.Count(c => c == '\n') ?? 0));
        return results.All(r => r.Unit is null != (r.Rejection is null))
               && results.Count + continuation == dataLines
               && results.Select(r => r.Unit?.Source?.Row ?? r.Rejection!.Row).Distinct().Count() == results.Count
               && !results.Any(r => r.Rejection?.ToString().Contains('\uFFFD', StringComparison.Ordinal) == true && r.Rejection.Reason.Contains("UTF-8", StringComparison.Ordinal) == false);
    }

    [Property(MaxTest = 200)]
    public bool Json_HostileNumbers_EveryUnitIsReadAndScoredWithoutException(int seed)
    {
        var random = new Random(seed);
        var header = Sample[0].Split(',');
        var numeric = header.Skip(4).ToArray();
        var items = Sample.Skip(1).Select(line =>
        {
            var cells = header.Zip(line.Split(',')).Where(c => c.Second.Length > 0).Select(c =>
                numeric.Contains(c.First) && random.Next(3) == 0
                    ? $"\"{c.First}\": {HostileNumbers[random.Next(HostileNumbers.Length)]}"
                    : $"\"{c.First}\": \"{c.Second}\"");
            return "{ " + string.Join(", ", cells) + " }";
        }).ToList();
        var text = random.Next(3) switch
        {
            0 => "[" + string.Join(",", items) + "]",
            1 => "[\n  " + string.Join(",\n  ", items) + "\n]\n",
            _ => string.Join("\n", items) + "\n",
        };
        var path = _temp.Write($"fuzz-{seed}.json", text);

        var results = new UnitFileReader(Shipped.RuleSet).Read(path).ToList();
        var units = results.Select(r => r.Unit).OfType<UnitData>().ToList();
        foreach (var unit in units)
        {
            var card = Shipped.Engine.ScoreAsync(unit).AsTask().GetAwaiter().GetResult();
            if (card.Points < 0 || card.Points > card.MaxPoints)
            {
                return false;
            }
        }

        return units.Count == 4 && results.Count == 4 && units.Select(u => u.Source!.Row).SequenceEqual([1, 2, 3, 4]);
    }

    [Property(MaxTest = 300)]
    public bool Json_MutatedBytes_NeverThrowAndItemsAreNumberedUntilAnyStop(int seed)
    {
        var random = new Random(seed);
        var text = File.ReadAllText(Path.Combine(Paths.Samples, random.Next(2) == 0 ? "phu-quy.json" : "xa-long-hai.json"));
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        for (var m = random.Next(1, 6); m > 0; m--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes.Insert(at, (byte)"\"{}[],:"[random.Next(7)]);
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(0x80, 0x100));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(HostileNumbers[random.Next(HostileNumbers.Length)]));
                    break;
                default:
                    bytes[at] = (byte)random.Next(0x20, 0x100);
                    break;
            }
        }

        var path = Path.Combine(_temp.Root, $"fuzz-{seed}.json");
        File.WriteAllBytes(path, [.. bytes]);
        var results = new UnitFileReader(Shipped.RuleSet).Read(path).ToList();
        var rows = results.Select(r => r.Unit?.Source?.Row ?? r.Rejection!.Row).ToList();
        var stop = results.FindIndex(r => r.Rejection?.Reason.Contains("dừng đọc tệp", StringComparison.Ordinal) == true);
        foreach (var unit in results.Select(r => r.Unit).OfType<UnitData>())
        {
            _ = Shipped.Engine.ScoreAsync(unit).AsTask().GetAwaiter().GetResult();
        }

        // Items are numbered 1, 2, 3… (a stop names the item it was reading, so it may repeat the last number).
        var numbered = (stop < 0 ? rows : rows.Take(stop)).Select((row, i) => row == i + 1).All(ok => ok);
        return results.All(r => r.Unit is null != (r.Rejection is null)) && numbered && (stop < 0 || stop == results.Count - 1);
    }

    private static List<byte[]> Split(byte[] bytes)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var i = 0; i <= bytes.Length; i++)
        {
            if (i == bytes.Length || bytes[i] == '\n')
            {
                if (i < bytes.Length || i > start)
                {
                    lines.Add(bytes[start..i]);
                }

                start = i + 1;
            }
        }

        return lines;
    }

    private static bool IsBlank(byte[] line) => line.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or 0x0B or 0x0C);
}
