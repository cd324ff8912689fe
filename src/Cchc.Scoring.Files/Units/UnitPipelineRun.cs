using System.Collections.ObjectModel;
using Cchc.Scoring.Texts;

namespace Cchc.Scoring.Units;

/// <summary>
/// One run of <see cref="UnitPipeline"/>: the files opened up front, the units streamed once, the rejections, header
/// problems, warnings and published scores gathered privately and handed out only as an immutable summary.
/// </summary>
internal sealed class UnitPipelineRun
{
    private readonly UnitPipeline _pipeline;
    private readonly PortalReadResult? _portal;
    private readonly AppraisalFiles? _appraisals;
    private int _appraisalProblems;
    private readonly List<(string Path, UnitFileReader Reader, IEnumerable<UnitReadResult> Items)> _files = [];
    private readonly List<UnitRejection> _rejections = [];
    private readonly List<UnitRejection> _columnProblems = [];
    private readonly List<string> _warnings = [];
    private readonly Dictionary<string, IReadOnlyList<PublishedScore>> _published = new(StringComparer.Ordinal);

    // Code → the place it was first read: the only state kept per unit, and small (the file name is one string per
    // file, the code the unit's own).
    private readonly Dictionary<string, (string? File, int Row)> _seen = new(StringComparer.Ordinal);
    private IEnumerator<UnitData>? _accepted;
    private int _acceptedCount;
    private bool _started;

    /// <exception cref="NotSupportedException">A file is of a kind no reader knows.</exception>
    /// <exception cref="InvalidDataException">An .xlsx file is not a workbook.</exception>
    public UnitPipelineRun(UnitPipeline pipeline, IReadOnlyList<string> paths)
    {
        _pipeline = pipeline;
        var ruleSet = pipeline.RuleSet;
        var portalFiles = paths.Where(p => Path.GetExtension(p).Equals(".json", StringComparison.OrdinalIgnoreCase) && PortalDataReader.IsPortalResponse(p)).ToList();
        foreach (var path in paths.Except(portalFiles))
        {
            // UnitFileReader.Read checks the kind of file and the workbook now; its rows are read only when enumerated.
            var reader = new UnitFileReader(ruleSet);
            _files.Add((path, reader, reader.Read(path)));
        }

        if (portalFiles.Count > 0)
        {
            _portal = PortalDataReader.Read(portalFiles);
            _warnings.AddRange(_portal.Warnings);
        }

        if (pipeline.AppraisalFiles.Count > 0)
        {
            // Read whole before the units (one row per unit): a unit takes its appraisal as it streams past.
            _appraisals = new AppraisalFiles(ruleSet, pipeline.AppraisalFiles);
            _warnings.AddRange(_appraisals.Warnings);
        }
    }

    /// <summary>The accepted units, streaming; enumerable once.</summary>
    public IEnumerable<UnitData> Accepted(CancellationToken cancellationToken)
    {
        if (_started)
        {
            throw new InvalidOperationException("The units of a read can be enumerated only once.");
        }

        _started = true;
        _accepted = Stream(cancellationToken).GetEnumerator();
        return new Once(_accepted);
    }

    /// <summary>Reads what the consumer left, so that every row is counted.</summary>
    public void Finish(CancellationToken cancellationToken)
    {
        _accepted ??= Stream(cancellationToken).GetEnumerator();
        using (_accepted)
        {
            while (_accepted.MoveNext())
            {
            }
        }
    }

    public UnitReadSummary Summary() => new()
    {
        Accepted = _acceptedCount,
        Rejections = [.. _rejections.OrderBy(r => r.File, StringComparer.Ordinal).ThenBy(r => r.Row).ThenBy(r => r.Column, StringComparer.Ordinal)],
        ColumnProblems = [.. _columnProblems],
        AppraisalProblems = _appraisalProblems,
        Warnings = [.. _warnings],
        Published = new ReadOnlyDictionary<string, IReadOnlyList<PublishedScore>>(new Dictionary<string, IReadOnlyList<PublishedScore>>(_published, StringComparer.Ordinal)),
    };

    private IEnumerable<UnitData> Stream(CancellationToken cancellationToken)
    {
        foreach (var item in Items())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (item.Rejection is { } rejection)
            {
                _rejections.Add(rejection);
                continue;
            }

            var unit = item.Unit!;
            if (_seen.TryGetValue(unit.Code, out var first))
            {
                var where = first.File is { } file && file != unit.Source?.File ? FileText.Format(nameof(FileStrings.Pipeline_FileRowAt), file, first.Row) : FileText.Format(nameof(FileStrings.Pipeline_RowAt), first.Row);
                _rejections.Add(new UnitRejection(unit.Source?.File ?? "", unit.Source?.Row ?? 0, "code", unit.Code, FileText.Format(nameof(FileStrings.Pipeline_DuplicateCode), where)) { Unit = unit.Code, UnitName = unit.Name, Line = unit.Source?.Line });
                continue;
            }

            // The code is taken even when the row is refused below: a later row with the same code is a repeat, and
            // is named as one, whatever became of the first.
            _seen[unit.Code] = (unit.Source?.File, unit.Source?.Row ?? 0);
            if (_appraisals is not null)
            {
                unit = _appraisals.Merge(unit, out var conflicts);
                if (conflicts is not null)
                {
                    _rejections.AddRange(conflicts);
                    continue;
                }
            }

            var invalid = _pipeline.Check(unit, out var typed);
            if (invalid.Count > 0)
            {
                _rejections.AddRange(invalid);
                continue;
            }

            _acceptedCount++;
            yield return typed;
        }
    }

    private IEnumerable<UnitReadResult> Items()
    {
        if (_portal is not null)
        {
            foreach (var rejection in _portal.Rejections)
            {
                yield return new UnitReadResult(null, rejection);
            }

            foreach (var unit in _portal.Units)
            {
                _published.TryAdd(unit.Unit.Code, unit.PublishedScores);
                yield return new UnitReadResult(unit.Unit, null);
            }
        }

        foreach (var (_, reader, items) in _files)
        {
            foreach (var item in items)
            {
                yield return item;
            }

            _warnings.AddRange(reader.Warnings);
            _columnProblems.AddRange(reader.ColumnProblems);
        }

        if (_appraisals is not null)
        {
            // The sheets' own problems and the rows that found no unit: not units, so not counted as rejected units,
            // but listed with their place like a header's problems, and said on stderr by every command.
            var problems = _appraisals.Problems.Concat(_appraisals.Orphans(_seen.ContainsKey)).ToList();
            _columnProblems.AddRange(problems);
            _warnings.AddRange(problems.Select(p => p.ToString()));
            _appraisalProblems = problems.Count;
        }
    }

    /// <summary>Hands out one enumerator once, so a consumer cannot read the files twice.</summary>
    private sealed class Once(IEnumerator<UnitData> enumerator) : IEnumerable<UnitData>
    {
        private IEnumerator<UnitData>? _enumerator = enumerator;

        public IEnumerator<UnitData> GetEnumerator()
            => Interlocked.Exchange(ref _enumerator, null) is { } e ? new Borrowed(e) : throw new InvalidOperationException("The units of a read can be enumerated only once.");

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>The consumer's view of the run's enumerator: disposing it leaves the rest for <see cref="Finish"/>.</summary>
    private sealed class Borrowed(IEnumerator<UnitData> inner) : IEnumerator<UnitData>
    {
        public UnitData Current => inner.Current;

        object System.Collections.IEnumerator.Current => Current;

        public bool MoveNext() => inner.MoveNext();

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
