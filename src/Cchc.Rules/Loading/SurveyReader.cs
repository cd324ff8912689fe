using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
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
                diagnostics.Error("CCHC061", f, token["id"], null, $"Đáp án '{id}' ('{label}') trùng mã hoặc trùng tên với một đáp án trước nó.", "Mỗi đáp án là một cột của tệp kết quả: đặt mã và tên riêng.");
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
                $"Đáp án tốt nhất có trọng số {ManifestReader.Fmt(answers.Max(a => a.Weight))}, nhưng phải là 1: khi mọi người trả lời tốt nhất, đơn vị phải được đủ điểm thành phần điều tra.",
                "Đặt trọng số 1 cho đáp án tốt nhất (ví dụ 'Rất hài lòng'), các đáp án khác từ 0 đến 1.");
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
                diagnostics.Error("CCHC061", f, token["id"], null, $"Nhóm người được hỏi '{id}' được khai báo hai lần.", "Đặt cho mỗi nhóm một 'id' riêng.");
                continue;
            }

            groups.Add(new SurveyGroup(id, ManifestReader.Nfc(JsonFile.String(token, "title") ?? id), weight.Value));
        }

        var groupSum = groups.Sum(g => g.Weight);
        if (groups.Count > 0 && groupSum != 1)
        {
            diagnostics.Error("CCHC063", f, root["groups"], null,
                $"Trọng số các nhóm người được hỏi cộng lại là {ManifestReader.Fmt(groupSum)} ({string.Join(" + ", groups.Select(g => $"{g.Id} {ManifestReader.Fmt(g.Weight)}"))}), nhưng phải bằng 1.",
                "Sửa trọng số các nhóm cho tổng bằng 1 (ví dụ người dân 0,5 + tổ chức 0,5).");
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
                diagnostics.Error("CCHC061", f, token["id"], null, $"Câu hỏi '{id}' được khai báo hai lần.", "Đặt cho mỗi câu hỏi một 'id' riêng.");
                continue;
            }

            var asked = new List<string>();
            foreach (var groupToken in JsonFile.Array(token, "groups")?.OfType<JValue>().Where(v => v.Type == JTokenType.String) ?? [])
            {
                var group = (string)groupToken.Value!;
                if (!groups.Exists(g => g.Id == group))
                {
                    diagnostics.Error("CCHC064", f, groupToken, null, $"Câu hỏi '{id}' hỏi nhóm '{group}', nhưng không có nhóm nào mã như vậy.",
                        NameSuggestions.Closest(group, groups.Select(g => g.Id)) is { } near ? $"Có phải ý bạn là '{near}'?" : $"Các nhóm: {string.Join(", ", groups.Select(g => g.Id))}.");
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
            diagnostics.Error("CCHC064", f, root["groups"], null, $"Nhóm '{group.Id}' không được hỏi câu nào: mức hài lòng của nhóm không tính được.", "Thêm mã nhóm vào 'groups' của các câu hỏi dành cho nhóm đó, hoặc bỏ nhóm.");
        }

        return new SurveyDefinition(f, ManifestReader.Nfc(JsonFile.String(root, "title") ?? ""), answers, groups, questions);
    }

    private static bool Same(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);
}
