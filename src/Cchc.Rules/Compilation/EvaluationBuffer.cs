namespace Cchc.Rules.Compilation;

/// <summary>
/// A typed value per criterion (the <c>value</c> or <c>target</c> a rule reports), held without boxing: each
/// criterion's kind says which array holds it.
/// </summary>
internal sealed class ValueColumn
{
    public ValueColumn(int count)
    {
        Kinds = new ValueKind[count];
        Numbers = new decimal[count];
        Bools = new bool[count];
        Dates = new DateTime[count];
        Texts = new string?[count];
        Others = new object?[count];
    }

    public ValueKind[] Kinds { get; }

    public decimal[] Numbers { get; }

    public bool[] Bools { get; }

    public DateTime[] Dates { get; }

    public string?[] Texts { get; }

    public object?[] Others { get; }

    /// <summary>The value of criterion <paramref name="index"/> as an object (boxed: for cards and explanations, not the hot path).</summary>
    public object? Get(int index) => Kinds[index] switch
    {
        ValueKind.Number => Numbers[index],
        ValueKind.Bool => Bools[index],
        ValueKind.Date => Dates[index],
        ValueKind.Text => Texts[index],
        ValueKind.Other => Others[index],
        _ => null,
    };

    /// <summary>Sets criterion <paramref name="index"/> from an object, as RulesEngine reports it.</summary>
    public void Set(int index, object? value)
    {
        switch (value)
        {
            case null:
                Kinds[index] = ValueKind.None;
                break;
            case decimal d:
                Kinds[index] = ValueKind.Number;
                Numbers[index] = d;
                break;
            case bool b:
                Kinds[index] = ValueKind.Bool;
                Bools[index] = b;
                break;
            case DateTime t:
                Kinds[index] = ValueKind.Date;
                Dates[index] = t;
                break;
            case string s:
                Kinds[index] = ValueKind.Text;
                Texts[index] = s;
                break;
            default:
                Kinds[index] = ValueKind.Other;
                Others[index] = value;
                break;
        }
    }

    /// <summary>The value as a number for the scoring methods: decimal as is, bool as 1/0, text and dates as 0.</summary>
    public decimal AsNumber(int index) => Kinds[index] switch
    {
        ValueKind.Number => Numbers[index],
        ValueKind.Bool => Bools[index] ? 1 : 0,
        ValueKind.Other => Others[index] is IConvertible c and not string and not DateTime ? c.ToDecimal(System.Globalization.CultureInfo.InvariantCulture) : 0,
        _ => 0,
    };

    public void Clear()
    {
        Kinds.AsSpan().Clear();
        Texts.AsSpan().Clear();
        Others.AsSpan().Clear();
    }
}

/// <summary>
/// What the expressions gave for every criterion of one unit (flattened, depth first in file order), written by the
/// compiled delegate or copied from RulesEngine's result trees: whether the rule ran, its met test, its error, its
/// <c>value</c>, <c>target</c>, <c>noOccurrence</c> and <c>notApplicable</c>. Reusable across units.
/// </summary>
internal sealed class EvaluationBuffer
{
    /// <summary><see cref="NoOccurrence"/>/<see cref="NotApplicable"/>: not computed.</summary>
    public const byte Unknown = 0;

    /// <summary>Computed false.</summary>
    public const byte False = 1;

    /// <summary>Computed true.</summary>
    public const byte True = 2;

    public EvaluationBuffer(int count)
    {
        Count = count;
        Evaluated = new bool[count];
        Passed = new bool[count];
        Errors = new string?[count];
        NoOccurrence = new byte[count];
        NotApplicable = new byte[count];
        Value = new ValueColumn(count);
        Target = new ValueColumn(count);
    }

    public int Count { get; }

    /// <summary>Whether the rule has a result (false when an enclosing rule's parameters failed).</summary>
    public bool[] Evaluated { get; }

    public bool[] Passed { get; }

    /// <summary>The engine's error message, when the rule could not be evaluated.</summary>
    public string?[] Errors { get; }

    public byte[] NoOccurrence { get; }

    public byte[] NotApplicable { get; }

    public ValueColumn Value { get; }

    public ValueColumn Target { get; }

    public void Clear()
    {
        Evaluated.AsSpan().Clear();
        Passed.AsSpan().Clear();
        Errors.AsSpan().Clear();
        NoOccurrence.AsSpan().Clear();
        NotApplicable.AsSpan().Clear();
        Value.Clear();
        Target.Clear();
    }

    /// <summary>Copies RulesEngine's results (see <see cref="CompiledRuleSet.EvaluateAsync"/>) into the buffer.</summary>
    public void Fill(IReadOnlyList<RuleEvaluation> evaluations, IReadOnlyDictionary<string, int> indexOf)
    {
        Clear();
        Add(evaluations);

        void Add(IReadOnlyList<RuleEvaluation> level)
        {
            foreach (var e in level)
            {
                if (!indexOf.TryGetValue(e.RuleId, out var i))
                {
                    continue;
                }

                Evaluated[i] = true;
                Passed[i] = e.Passed;
                Errors[i] = e.Error;
                Value.Set(i, e.Value);
                Target.Set(i, e.Target);
                NoOccurrence[i] = e.NoOccurrence is { } n ? (n ? True : False) : Unknown;
                NotApplicable[i] = e.NotApplicable is { } a ? (a ? True : False) : Unknown;
                Add(e.Children);
            }
        }
    }
}
