using System.Globalization;
using System.Text;
using System.Text.Json;
using Cchc.Rules.Text;
using Cchc.Scoring.Texts;
using Cchc.Scoring.Units;
using CsvHelper;
using CsvHelper.Configuration;

namespace Cchc.Scoring.Ranking;

public sealed partial class PreviousRanking
{
    /// <summary>What the JSON walk remembers: the property name at each depth and the row being read.</summary>
    private sealed class JsonWalk
    {
        private readonly string?[] _names = new string?[8];
        private string? _code, _name, _index, _rank, _grade;

        public int Item { get; private set; }

        public long Tokens { get; private set; }

        public bool SawRuleSet { get; private set; }

        public bool SawRows { get; private set; }

        public string? RuleSetId { get; private set; }

        public string? RuleSetVersion { get; private set; }

        public void Run(ref Utf8JsonReader reader, List<(int, string?, string?, string?, string?, string?, string, string)> rows)
        {
            while (reader.Read())
            {
                Tokens++;
                var depth = reader.CurrentDepth;
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (depth < _names.Length)
                        {
                            _names[depth] = depth <= 5 ? reader.GetString() : null;
                        }

                        if (depth == 1 && reader.ValueTextEquals("ruleSet"u8))
                        {
                            SawRuleSet = true;
                        }
                        else if (depth == 1 && reader.ValueTextEquals("rows"u8))
                        {
                            SawRows = true;
                        }

                        break;
                    case JsonTokenType.StartArray when depth == 0:
                        throw new InvalidDataException(FileText.Get(nameof(FileStrings.Previous_CardsArray)));
                    case JsonTokenType.StartObject when depth == 2 && _names[1] == "rows":
                        Item++;
                        _code = _name = _index = _rank = _grade = null;
                        break;
                    case JsonTokenType.EndObject when depth == 2 && _names[1] == "rows":
                        rows.Add((Item, _code, _name, _index, _rank, _grade, "rows[].card.index", "rows[].card.unit.code"));
                        break;
                    case JsonTokenType.String or JsonTokenType.Number:
                        Value(ref reader, depth);
                        break;
                }
            }
        }

        private void Value(ref Utf8JsonReader reader, int depth)
        {
            if (depth == 2 && _names[1] == "ruleSet")
            {
                if (_names[2] == "id")
                {
                    RuleSetId = reader.GetString();
                }
                else if (_names[2] == "version")
                {
                    RuleSetVersion = reader.GetString();
                }

                return;
            }

            if (_names[1] != "rows" || depth < 3)
            {
                return;
            }

            var text = reader.TokenType == JsonTokenType.Number ? Encoding.UTF8.GetString(reader.ValueSpan) : reader.GetString();
            if (depth == 3 && _names[3] == "rank")
            {
                _rank = text;
            }
            else if (depth == 4 && _names[3] == "card")
            {
                if (_names[4] == "index")
                {
                    _index = text;
                }
                else if (_names[4] == "grade")
                {
                    _grade = text;
                }
            }
            else if (depth == 5 && _names[3] == "card" && _names[4] == "unit")
            {
                if (_names[5] == "code")
                {
                    _code = text;
                }
                else if (_names[5] == "name")
                {
                    _name = text;
                }
            }
        }
    }
}
