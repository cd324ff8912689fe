using Cchc.Rules.Model;

namespace Cchc.Rules.Compilation;

/// <summary>How a typed value is held: in which array of <see cref="UnitValues"/> or of an evaluation.</summary>
internal enum ValueKind : byte
{
    /// <summary>No value.</summary>
    None,

    /// <summary>A decimal.</summary>
    Number,

    /// <summary>A boolean.</summary>
    Bool,

    /// <summary>A date.</summary>
    Date,

    /// <summary>Text (a choice).</summary>
    Text,

    /// <summary>Anything else, boxed (an expression of an unusual type; never on the hot path of the shipped rule sets).</summary>
    Other,
}

/// <summary>Where each declared input of a rule set lives in a <see cref="UnitValues"/>: its kind and its slot in that kind's array.</summary>
internal sealed class InputLayout
{
    public InputLayout(IReadOnlyList<InputDefinition> inputs)
    {
        Count = inputs.Count;
        Kinds = new ValueKind[Count];
        Slots = new int[Count];
        for (var i = 0; i < Count; i++)
        {
            var kind = KindOf(inputs[i].Type);
            Kinds[i] = kind;
            Slots[i] = kind switch
            {
                ValueKind.Bool => BoolCount++,
                ValueKind.Date => DateCount++,
                ValueKind.Text => TextCount++,
                _ => NumberCount++,
            };
        }
    }

    public int Count { get; }

    public ValueKind[] Kinds { get; }

    public int[] Slots { get; }

    public int NumberCount { get; }

    public int BoolCount { get; }

    public int DateCount { get; }

    public int TextCount { get; }

    public static ValueKind KindOf(InputType type) => type switch
    {
        InputType.Bool => ValueKind.Bool,
        InputType.Date => ValueKind.Date,
        InputType.Choice => ValueKind.Text,
        _ => ValueKind.Number,
    };
}

/// <summary>
/// One unit's typed input values, addressed by input index (manifest order), never by name. A missing input holds
/// the neutral value of its type (0, false, <see cref="DateTime.MinValue"/>, "") and is marked absent, exactly as the
/// RulesEngine path passes it. Reusable: <see cref="Clear"/> between units.
/// </summary>
internal sealed class UnitValues
{
    public UnitValues(InputLayout layout)
    {
        Layout = layout;
        Numbers = new decimal[layout.NumberCount];
        Bools = new bool[layout.BoolCount];
        Dates = new DateTime[layout.DateCount];
        Texts = new string[layout.TextCount];
        Present = new bool[layout.Count];
        Clear();
    }

    public InputLayout Layout { get; }

    public decimal[] Numbers { get; }

    public bool[] Bools { get; }

    public DateTime[] Dates { get; }

    public string[] Texts { get; }

    public bool[] Present { get; }

    /// <summary>Marks every input absent, holding its neutral value.</summary>
    public void Clear()
    {
        Numbers.AsSpan().Clear();
        Bools.AsSpan().Clear();
        Dates.AsSpan().Fill(DateTime.MinValue);
        Texts.AsSpan().Fill("");
        Present.AsSpan().Clear();
    }

    /// <summary>Sets input <paramref name="index"/> from a typed value (decimal, bool, DateTime, string); null marks it absent.</summary>
    public void Set(int index, object? value)
    {
        var slot = Layout.Slots[index];
        switch (Layout.Kinds[index])
        {
            case ValueKind.Bool:
                Bools[slot] = value is bool b && b;
                break;
            case ValueKind.Date:
                Dates[slot] = value is DateTime d ? d : DateTime.MinValue;
                break;
            case ValueKind.Text:
                Texts[slot] = value as string ?? "";
                break;
            default:
                Numbers[slot] = value is decimal m ? m : 0m;
                break;
        }

        Present[index] = value is not null;
    }

    /// <summary>Input <paramref name="index"/> as an object (its neutral value when absent), for the RulesEngine path.</summary>
    public object Get(int index)
    {
        var slot = Layout.Slots[index];
        return Layout.Kinds[index] switch
        {
            ValueKind.Bool => Bools[slot],
            ValueKind.Date => Dates[slot],
            ValueKind.Text => Texts[slot],
            _ => Numbers[slot],
        };
    }
}
