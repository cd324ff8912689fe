namespace Cchc.Rules.Model;

/// <summary>The kind of value an input holds.</summary>
public enum InputType
{
    /// <summary>A whole number, zero or more.</summary>
    Count,

    /// <summary>A percentage from 0 to 100.</summary>
    Percent,

    /// <summary>Any decimal number within the declared range.</summary>
    Number,

    /// <summary>Yes or no.</summary>
    Bool,

    /// <summary>A calendar date (<c>yyyy-MM-dd</c>).</summary>
    Date,

    /// <summary>One of a declared list of options.</summary>
    Choice,
}

/// <summary>One option of a <see cref="InputType.Choice"/> input.</summary>
/// <param name="Value">The value written in data.</param>
/// <param name="Label">The Vietnamese label shown to people.</param>
public sealed record ChoiceOption(string Value, string Label);

/// <summary>An input a rule set declares: what a unit's data must provide.</summary>
/// <param name="Name">The name used in data columns and expressions.</param>
/// <param name="Type">The kind of value.</param>
/// <param name="Label">The Vietnamese label, used as the column header people read.</param>
/// <param name="Min">The smallest valid value, for numeric inputs.</param>
/// <param name="Max">The largest valid value, for numeric inputs.</param>
/// <param name="Options">The options of a choice input; empty otherwise.</param>
public sealed record InputDefinition(
    string Name,
    InputType Type,
    string Label,
    decimal? Min,
    decimal? Max,
    IReadOnlyList<ChoiceOption> Options)
{
    /// <summary>The lowest value the input accepts, combining its type and its declared range.</summary>
    public decimal? EffectiveMin => Type switch
    {
        InputType.Count or InputType.Percent => Min is { } m ? Math.Max(m, 0m) : 0m,
        _ => Min,
    };

    /// <summary>The highest value the input accepts, combining its type and its declared range.</summary>
    public decimal? EffectiveMax => Type switch
    {
        InputType.Percent => Max is { } m ? Math.Min(m, 100m) : 100m,
        _ => Max,
    };

    /// <summary>The file word of the type (<c>count</c>, <c>percent</c>, …).</summary>
    public string TypeName => Type.ToString().ToLowerInvariant();
}
