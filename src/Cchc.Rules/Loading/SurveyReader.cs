using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Rules.Texts;
using Newtonsoft.Json.Linq;

namespace Cchc.Rules.Loading;

/// <summary>Reads and checks a rule set's survey definition (<c>survey.json</c>); every problem goes to the diagnostics.</summary>
internal static class SurveyReader
{
    public static SurveyDefinition? Read(JsonFile file, DiagnosticBag diagnostics)
    {
        SchemaCatalog.Validate(file, "survey", diagnostics);
        if (file.Root is not JObject root)
        {
            return null;
        }

        var f = file.RelativePath;
        var answers = new List<SurveyAnswer>();
        foreach (var token in JsonFile.Array(root, "answers")?.OfType<JObject>() ?? [])
        {
            var id = JsonFile.String(token, "id");
            var weight = JsonFile.Number(token, "weight");
            if (id is null || weight is null)
            {
                continue;
            }

            var label = ManifestReader.Nfc(JsonFile.String(token, "label") ?? id);
            if (answers.Exists(a => a.Id == id || Same(a.Label, label)))
            {
                diagnostics.Error("CCHC061", f, token["id"], null, RulesText.Format(nameof(RulesStrings.Survey_AnswerTwice), id, label), RulesText.Format(nameof(RulesStrings.Survey_AnswerTwice_Hint)));
                continue;
            }

            if (weight is < 0 or > 1)
            {
                continue; // the schema has said it
            }

            answers.Add(new SurveyAnswer(id, label, weight.Value));
        }

        if (answers.Count > 0 && answers.Max(a => a.Weight) != 1)
        {
            diagnostics.Error("CCHC062", f, root["answers"], null,
                RulesText.Format(nameof(RulesStrings.Survey_BestAnswerWeight), ManifestReader.Fmt(answers.Max(a => a.Weight))),
                RulesText.Format(nameof(RulesStrings.Survey_BestAnswerWeight_Hint)));
        }

        var groups = new List<SurveyGroup>();
        foreach (var token in JsonFile.Array(root, "groups")?.OfType<JObject>() ?? [])
        {
            var id = JsonFile.String(token, "id");
            var weight = JsonFile.Number(token, "weight");
            if (id is null || weight is null || weight <= 0 || weight > 1)
            {
                continue;
            }

            if (groups.Exists(g => g.Id == id))
            {
                diagnostics.Error("CCHC061", f, token["id"], null, RulesText.Format(nameof(RulesStrings.Survey_GroupTwice), id), RulesText.Format(nameof(RulesStrings.Survey_GroupTwice_Hint)));
                continue;
            }

            groups.Add(new SurveyGroup(id, ManifestReader.Nfc(JsonFile.String(token, "title") ?? id), weight.Value));
        }

        var groupSum = groups.Sum(g => g.Weight);
        if (groups.Count > 0 && groupSum != 1)
        {
            diagnostics.Error("CCHC063", f, root["groups"], null,
                RulesText.Format(nameof(RulesStrings.Survey_GroupWeightsSum), ManifestReader.Fmt(groupSum), string.Join(" + ", groups.Select(g => $"{g.Id} {ManifestReader.Fmt(g.Weight)}"))),
                RulesText.Format(nameof(RulesStrings.Survey_GroupWeightsSum_Hint)));
        }

        var questions = new List<SurveyQuestion>();
        foreach (var token in JsonFile.Array(root, "questions")?.OfType<JObject>() ?? [])
        {
            var id = JsonFile.String(token, "id");
            if (id is null)
            {
                continue;
            }

            if (questions.Exists(q => q.Id == id))
            {
                diagnostics.Error("CCHC061", f, token["id"], null, RulesText.Format(nameof(RulesStrings.Survey_QuestionTwice), id), RulesText.Format(nameof(RulesStrings.Survey_QuestionTwice_Hint)));
                continue;
            }

            var asked = new List<string>();
            foreach (var groupToken in JsonFile.Array(token, "groups")?.OfType<JValue>().Where(v => v.Type == JTokenType.String) ?? [])
            {
                var group = (string)groupToken.Value!;
                if (!groups.Exists(g => g.Id == group))
                {
                    diagnostics.Error("CCHC064", f, groupToken, null, RulesText.Format(nameof(RulesStrings.Survey_QuestionUnknownGroup), id, group),
                        NameSuggestions.Closest(group, groups.Select(g => g.Id)) is { } near ? RulesText.Format(nameof(RulesStrings.DidYouMean), near) : RulesText.Format(nameof(RulesStrings.Survey_Groups), string.Join(", ", groups.Select(g => g.Id))));
                }
                else if (!asked.Contains(group))
                {
                    asked.Add(group);
                }
            }

            questions.Add(new SurveyQuestion(id, ManifestReader.Nfc(JsonFile.String(token, "text") ?? id), asked));
        }

        foreach (var group in groups.Where(g => !questions.Exists(q => q.Groups.Contains(g.Id))))
        {
            diagnostics.Error("CCHC064", f, root["groups"], null, RulesText.Format(nameof(RulesStrings.Survey_GroupNotAsked), group.Id), RulesText.Format(nameof(RulesStrings.Survey_GroupNotAsked_Hint)));
        }

        return new SurveyDefinition(f, ManifestReader.Nfc(JsonFile.String(root, "title") ?? ""), answers, groups, questions);
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
