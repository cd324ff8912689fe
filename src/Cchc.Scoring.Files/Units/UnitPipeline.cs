using Cchc.Rules;

namespace Cchc.Scoring.Units;

/// <summary>
/// The one way units enter a batch — <c>cchc score</c>, <c>cchc rank</c> and the library alike: one or several files
/// (JSON, JSONL, CSV, XLSX, or the national portal's QĐ 766 responses) are read, every value is checked against the
/// rule set's declared inputs, and each row becomes either an accepted unit or a rejection that names its file, row,
/// column and value. Units in = units accepted + units rejected, always.
/// </summary>
/// <remarks>
/// <para>
/// A row is rejected when it cannot be a unit (no code, a bad level, more cells than the header, a broken JSON line),
/// when its code repeats an earlier row's (in the same file or another; the first is kept and named), or when one of
/// its declared inputs has the wrong type or is out of range — scoring such a unit on a zero for that criterion
/// would give it points or a place it did not earn — and, for the same reason, when an appraised point
/// (<c>thamDinh:&lt;id&gt;</c>, <c>thamDinh2:&lt;id&gt;</c>) is not a number, is outside [0, the criterion's points], or is
/// on a composite, an unknown criterion or one that does not apply to the unit's level. An empty cell is not an error (the unit is scored and flagged as
/// incomplete), and neither is a bad claimed score (<c>tuCham:&lt;id&gt;</c>): the claim is reported on the card and
/// ignored.
/// </para>
/// <para>
/// The shape is built for millions of rows in constant memory: the files are opened and checked up front (a file of
/// an unknown kind, or an .xlsx that is not a workbook, throws before any unit is handed over; portal responses,
/// which are merged per unit across files, are read whole), then the accepted units stream to a consumer, once, in
/// file order; when the consumer is done, an immutable <see cref="UnitReadSummary"/> gives the counts, the
/// rejections, the header's problems, the warnings and the scores the portal published. Nothing public changes
/// while the units stream. Only the set of codes seen is kept per unit, to refuse a repeated one.
/// </para>
/// <para>Instances are immutable and may be shared; each <see cref="ReadAsync"/> call is a run of its own.</para>
/// </remarks>
public sealed class UnitPipeline
{
    /// <summary>Creates the pipeline for units of <paramref name="ruleSet"/>.</summary>
    public UnitPipeline(CompiledRuleSet ruleSet) => RuleSet = ruleSet ?? throw new ArgumentNullException(nameof(ruleSet));

    /// <summary>The rule set whose inputs the values are checked against (and whose labels may head the columns).</summary>
    public CompiledRuleSet RuleSet { get; }

    /// <summary>
    /// The appraisal council's sheets (CSV, XLSX or JSON: a <c>code</c> column and per-criterion columns such as
    /// <c>thamDinh:1.1.a</c>, <c>nhanXet:1.1.a</c>, <c>thamDinh2:1.1.a</c>, <c>tlkc:1.1.a</c>), merged into the units by
    /// code. A code that repeats within a sheet or that no data row has is reported in
    /// <see cref="UnitReadSummary.ColumnProblems"/> with its place; a cell that contradicts the unit's own row rejects
    /// the unit. Empty by default.
    /// </summary>
    public IReadOnlyList<string> AppraisalFiles { get; init; } = [];

    /// <summary>
    /// Reads <paramref name="paths"/> (portal responses first, then the other files in the order given) and hands the
    /// accepted units to <paramref name="consume"/> as a sequence that streams from the files and may be enumerated
    /// once. Returns the summary when <paramref name="consume"/> has finished; rows it left unread are still read and
    /// checked, so the summary is always complete (such units count as accepted).
    /// </summary>
    /// <param name="paths">The data files.</param>
    /// <param name="consume">Takes the accepted units, e.g. scores them; called exactly once.</param>
    /// <param name="cancellationToken">Stops reading between rows.</param>
    /// <exception cref="NotSupportedException">A file is of a kind no reader knows (thrown before <paramref name="consume"/> is called).</exception>
    /// <exception cref="InvalidDataException">An .xlsx file is not a workbook (thrown before <paramref name="consume"/> is called).</exception>
    public async Task<UnitReadSummary> ReadAsync(IReadOnlyList<string> paths, Func<IEnumerable<UnitData>, CancellationToken, Task> consume, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(consume);
        var run = new UnitPipelineRun(this, paths);
        await consume(run.Accepted(cancellationToken), cancellationToken).ConfigureAwait(false);
        run.Finish(cancellationToken);
        return run.Summary();
    }

    /// <summary>
    /// Reads every accepted unit of <paramref name="paths"/> into a list, with the summary: for a few files of a few
    /// thousand units (one district, one score report). A national batch should stream through <see cref="ReadAsync"/>.
    /// </summary>
    /// <exception cref="NotSupportedException">A file is of a kind no reader knows.</exception>
    /// <exception cref="InvalidDataException">An .xlsx file is not a workbook.</exception>
    public async Task<UnitBatch> ReadAllAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var units = new List<UnitData>();
        var summary = await ReadAsync(
            paths,
            (accepted, _) =>
            {
                units.AddRange(accepted);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return new UnitBatch(units, summary);
    }

    /// <summary>
    /// The rejections one unit would get for its values: one per declared input with the wrong type or out of range,
    /// naming the unit's file and row when it has them. Empty when the unit can be scored as it is.
    /// </summary>
    public IReadOnlyList<UnitRejection> Check(UnitData unit) => Check(unit, out _);

    /// <summary>
    /// The same check, and when the unit passes it, the unit with its declared inputs already converted (decimal,
    /// bool, date, choice value): the engine then finds typed values and does not parse the text a second time.
    /// </summary>
    internal IReadOnlyList<UnitRejection> Check(UnitData unit, out UnitData typed)
    {
        ArgumentNullException.ThrowIfNull(unit);
        List<UnitRejection>? rejections = null;
        var values = new Dictionary<string, object?>(unit.Values, StringComparer.Ordinal);
        foreach (var input in RuleSet.Inputs)
        {
            unit.Values.TryGetValue(input.Name, out var raw);
            var value = InputConverter.Convert(input, raw, out var problem);
            if (problem is not null)
            {
                (rejections ??= []).Add(new UnitRejection(unit.Source?.File ?? "", unit.Source?.Row ?? 0, input.Name, problem.Value, problem.Reason) { Unit = unit.Code, UnitName = unit.Name, Line = unit.Source?.Line });
            }
            else if (raw is not null)
            {
                values[input.Name] = value;
            }
        }

        foreach (var finding in Scoring.AppraisalChecker.Check(RuleSet, unit).Where(f => f.AffectsIndex))
        {
            var at = finding.Source ?? unit.Source;
            (rejections ??= []).Add(new UnitRejection(at?.File ?? "", at?.Row ?? 0, finding.Column, InputConverter.Show(finding.Raw), finding.Reason) { Unit = unit.Code, UnitName = unit.Name, Line = at?.Line });
        }

        typed = rejections is null ? unit with { Values = values } : unit;
        return rejections ?? (IReadOnlyList<UnitRejection>)[];
    }
}

/// <summary>Every accepted unit of a few files, read whole, and what became of the other rows.</summary>
/// <param name="Units">The accepted units, in file order.</param>
/// <param name="Summary">The counts, rejections, header problems, warnings and published scores.</param>
public sealed record UnitBatch(IReadOnlyList<UnitData> Units, UnitReadSummary Summary);

/// <summary>What a read of unit files produced besides the units; immutable, complete once reading is done.</summary>
public sealed record UnitReadSummary
{
    /// <summary>Units accepted (handed to the consumer).</summary>
    public required int Accepted { get; init; }

    /// <summary>Why rows were rejected: one entry per bad cell, sorted by file, row and column (ordinal).</summary>
    public required IReadOnlyList<UnitRejection> Rejections { get; init; }

    /// <summary>Rows rejected, each counted once however many of its cells were wrong.</summary>
    public int Rejected => Rejections.Select(r => (r.File, r.Row)).Distinct().Count();

    /// <summary>Rows read: always <see cref="Accepted"/> + <see cref="Rejected"/>.</summary>
    public int Total => Accepted + Rejected;

    /// <summary>Problems of the headers (a missing identity column, an unknown column, a needed input with no column), once each.</summary>
    public required IReadOnlyList<UnitRejection> ColumnProblems { get; init; }

    /// <summary>File-level notes (unknown columns, portal remarks, percent columns that look like fractions), in reading order.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>Problems of the appraisal sheets (also in <see cref="ColumnProblems"/>): rows that found no unit, repeated codes, unreadable rows.</summary>
    public int AppraisalProblems { get; init; }

    /// <summary>The scores the portal published, by unit code (portal responses only; empty otherwise).</summary>
    public required IReadOnlyDictionary<string, IReadOnlyList<PublishedScore>> Published { get; init; }
}
