using System.Buffers;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Cchc.Rules;
using Cchc.Rules.Compilation;
using Cchc.Rules.Model;
using Cchc.Scoring.Units;

namespace Cchc.Scoring.Cards;

/// <summary>
/// The audit fingerprints a score card carries: the engine's version and the SHA-256 of the unit's input values
/// (<see cref="ScoreCard.InputSha256"/>), so a card can later be checked against the data it claims to come from.
/// </summary>
/// <remarks>
/// <para>
/// The hash is the lowercase hex SHA-256 of the UTF-8 bytes of one JSON array written without whitespace, the same on
/// every machine, culture and globalization mode:
/// <c>["cchc-inputs/1",code,name,level,parent,[input,value],[input,value],…]</c> — the unit's code and name as
/// strings, its level word (<c>xa</c>, <c>huyen</c>, <c>so</c>), its parent code or <c>null</c>, then one pair per
/// input the rule set declares, in the manifest's order.
/// </para>
/// <para>
/// A value is written as its type reads it: a number as a JSON number in invariant form without exponent or trailing
/// zeros (<c>50</c>, <c>0.5</c>, <c>-3.25</c>; so <c>50</c>, <c>50.0</c> and <c>50,00</c> in the data hash alike);
/// yes/no as <c>true</c>/<c>false</c>; a date as the string <c>yyyy-MM-dd</c>; text and a choice's value as a string.
/// A missing (absent or empty) value is <c>null</c>; a value that could not be read as its type is
/// <c>{"invalid":"&lt;the text found&gt;"}</c>. Strings are escaped as System.Text.Json does with
/// <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> (Vietnamese letters kept as UTF-8). Claimed scores
/// (<c>tuCham:…</c>) and columns the rule set does not declare are not part of it.
/// </para>
/// </remarks>
public static class InputHash
{
    /// <summary>The first element of the canonical array: names the form, so a later form cannot collide with this one.</summary>
    public const string FormVersion = "cchc-inputs/1";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>The informational version of the Cchc.Scoring assembly, as score cards record it.</summary>
    public static string EngineVersion { get; } =
        typeof(InputHash).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(InputHash).Assembly.GetName().Version?.ToString()
        ?? "0";

    /// <summary>The SHA-256 of <paramref name="unit"/>'s input values for <paramref name="ruleSet"/>, as its score card carries it.</summary>
    public static string Of(CompiledRuleSet ruleSet, UnitData unit)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(unit);
        return Compute(ruleSet, unit, i =>
        {
            unit.Values.TryGetValue(ruleSet.Inputs[i].Name, out var raw);
            var value = InputConverter.Convert(ruleSet.Inputs[i], raw, out var problem);
            return problem is null ? (value, null) : (null, problem.Value);
        });
    }

    /// <summary>The canonical form itself (UTF-8 JSON), for people who check a hash by hand.</summary>
    public static string CanonicalForm(CompiledRuleSet ruleSet, UnitData unit)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(unit);
        var buffer = new ArrayBufferWriter<byte>();
        Write(buffer, ruleSet, unit, i =>
        {
            unit.Values.TryGetValue(ruleSet.Inputs[i].Name, out var raw);
            var value = InputConverter.Convert(ruleSet.Inputs[i], raw, out var problem);
            return problem is null ? (value, null) : (null, problem.Value);
        });
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The hash from values the engine has already typed (the invalid ones absent from them, listed in <paramref name="invalid"/>).</summary>
    internal static string Of(CompiledRuleSet ruleSet, UnitData unit, UnitValues values, Dictionary<string, DataProblem>? invalid)
        => Compute(ruleSet, unit, i =>
            values.Present[i] ? (values.Get(i), null)
            : invalid is not null && invalid.TryGetValue(ruleSet.Inputs[i].Name, out var problem) ? (null, problem.Value)
            : (null, null));

    private static string Compute(CompiledRuleSet ruleSet, UnitData unit, Func<int, (object? Value, string? Invalid)> valueOf)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        Write(buffer, ruleSet, unit, valueOf);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    private static void Write(ArrayBufferWriter<byte> buffer, CompiledRuleSet ruleSet, UnitData unit, Func<int, (object? Value, string? Invalid)> valueOf)
    {
        using var json = new Utf8JsonWriter(buffer, WriterOptions);
        json.WriteStartArray();
        json.WriteStringValue(FormVersion);
        json.WriteStringValue(unit.Code);
        json.WriteStringValue(unit.Name);
        json.WriteStringValue(unit.Level.ToCode());
        if (unit.Parent is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(unit.Parent);
        }

        for (var i = 0; i < ruleSet.Inputs.Count; i++)
        {
            json.WriteStartArray();
            json.WriteStringValue(ruleSet.Inputs[i].Name);
            var (value, invalidText) = valueOf(i);
            if (invalidText is not null)
            {
                json.WriteStartObject();
                json.WriteString("invalid", invalidText);
                json.WriteEndObject();
            }
            else
            {
                WriteValue(json, value);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }

    private static void WriteValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case decimal number:
                json.WriteRawValue(Number(number), skipInputValidation: true);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case DateTime date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            default:
                json.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>A decimal in invariant form, no exponent, no trailing zeros, no negative zero.</summary>
    internal static string Number(decimal value)
        => value == 0m ? "0" : value.ToString("0.############################", CultureInfo.InvariantCulture);
}
