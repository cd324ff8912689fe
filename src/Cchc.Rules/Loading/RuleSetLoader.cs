using System.Security.Cryptography;
using System.Text;
using Cchc.Rules.Diagnostics;
using Cchc.Rules.Model;
using Cchc.Rules.Testing;
using Cchc.Rules.Texts;

namespace Cchc.Rules.Loading;

/// <summary>The outcome of loading a rule set: the compiled rule set when valid, and every diagnostic.</summary>
/// <param name="RuleSet">
/// The compiled rule set, or null when its manifest or workflows have errors. Errors in the analysts' test files
/// never withhold it: a host keeps scoring while an analyst fixes a test (see <see cref="TestErrors"/>).
/// </param>
/// <param name="Diagnostics">
/// Errors and warnings, one per mistake (an error that follows from another is left out): the manifest's and
/// workflows' in file order, then the test files'.
/// </param>
public sealed record RuleSetLoadResult(CompiledRuleSet? RuleSet, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    /// <summary>Whether the rule set loaded (it may still have warnings, or errors in its test files).</summary>
    public bool Succeeded => RuleSet is not null;

    /// <summary>Errors in the analysts' test files (their cases that could not be read are not run); <c>cchc check</c> and <c>cchc test</c> fail on them.</summary>
    public int TestErrors { get; init; }

    /// <summary>Whether anything is in error: the rule set, or its test files.</summary>
    public bool HasErrors => RuleSet is null || TestErrors > 0;
}

/// <summary>Loads rule sets strictly: every error of every file in one run, nothing compiled from a bad rule set.</summary>
public interface IRuleSetLoader
{
    /// <summary>Loads, validates and compiles the rule set in <paramref name="directory"/>.</summary>
    RuleSetLoadResult Load(string directory);
}

/// <summary>The strict loader: schema, semantics, expression allow-list, then a compile check on RulesEngine.</summary>
public sealed class RuleSetLoader : IRuleSetLoader
{
    /// <summary>
    /// Whether loading ends with RulesEngine itself compiling and running every workflow once (its own compile check:
    /// a rule set must load into a plain RulesEngine). True by default; the <c>cchc</c> commands that score with the
    /// compiled evaluator turn it off to save RulesEngine's compilation (about a second for the commune index), and
    /// check the expressions on the compiled evaluator instead, which gives the same warnings.
    /// </summary>
    public bool CheckWithRulesEngine { get; init; } = true;

    /// <summary>Loads a rule set, or throws <see cref="RuleSetValidationException"/> with every diagnostic.</summary>
    public CompiledRuleSet LoadOrThrow(string directory)
    {
        var result = Load(directory);
        return result.RuleSet ?? throw new RuleSetValidationException(directory, result.Diagnostics);
    }

    /// <inheritdoc />
    /// <remarks>Never throws on what the files hold: every problem, even one nothing foresaw, is a diagnostic.</remarks>
    public RuleSetLoadResult Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var diagnostics = new DiagnosticBag();
        try
        {
            return Load(directory, diagnostics);
        }
#pragma warning disable CA1031 // The last resort: content must never crash a host that reloads uploaded rule sets.
        catch (Exception e)
#pragma warning restore CA1031
        {
            diagnostics.Unexpected(ManifestReader.FileName, null, null, e);
            return new RuleSetLoadResult(null, Ordered(DiagnosticBag.RootCauses(diagnostics.Entries)));
        }
    }

    private RuleSetLoadResult Load(string directory, DiagnosticBag diagnostics)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            diagnostics.Error("CCHC001", directory, 0, 0, null, RulesText.Format(nameof(RulesStrings.Loader_NoFolder), directory), RulesText.Get(nameof(RulesStrings.Loader_NoFolder_Hint)));
            return new RuleSetLoadResult(null, Ordered(DiagnosticBag.RootCauses(diagnostics.Entries)));
        }

        var manifestFile = JsonFile.Read(full, ManifestReader.FileName, plainRulesEngine: false, diagnostics);
        var manifest = manifestFile is null ? null : Guarded<Manifest>(manifestFile.RelativePath, diagnostics, () => ManifestReader.Read(manifestFile, diagnostics));
        if (manifest is null)
        {
            return new RuleSetLoadResult(null, Ordered(DiagnosticBag.RootCauses(diagnostics.Entries)));
        }

        if (manifest.Id.Length > 0 && !string.Equals(Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)), manifest.Id, StringComparison.Ordinal))
        {
            diagnostics.Warning("CCHC029", ManifestReader.FileName, manifestFile!.Root["id"], null, RulesText.Format(nameof(RulesStrings.Loader_IdNotFolder), manifest.Id, Path.GetFileName(full)), RulesText.Get(nameof(RulesStrings.Loader_IdNotFolder_Hint)));
        }

        SurveyDefinition? survey = null;
        JsonFile? surveyFile = null;
        if (manifest.SurveyFile is { } surveyPath)
        {
            surveyFile = JsonFile.Read(full, surveyPath, plainRulesEngine: false, diagnostics);
            survey = surveyFile is null ? null : Guarded(surveyFile.RelativePath, diagnostics, () => SurveyReader.Read(surveyFile, diagnostics));
        }
        else if (manifest.SurveyComponentToken is { } component)
        {
            diagnostics.Error("CCHC058", ManifestReader.FileName, component, null, RulesText.Format(nameof(RulesStrings.Survey_ComponentWithoutSurvey), manifest.Composition?.Survey?.Id),
                RulesText.Format(nameof(RulesStrings.Survey_ComponentWithoutSurvey_Hint)));
        }

        var reader = new WorkflowReader(manifest, diagnostics);
        var files = new List<JsonFile>();
        var unread = new List<string>();
        foreach (var relative in manifest.Workflows)
        {
            var file = JsonFile.Read(full, relative, plainRulesEngine: true, diagnostics);
            if (file is null)
            {
                // Its criteria are missing: a test naming one follows from the error that kept the file from being read.
                unread.Add(relative.Replace('\\', '/') + "#");
            }
            else
            {
                files.Add(file);
                Guarded(file.RelativePath, diagnostics, () => reader.Read(file));
            }
        }

        // Sums are only meaningful when every workflow file could be read.
        if (files.Count == manifest.Workflows.Count)
        {
            reader.CheckTotals();
        }
        var ids = new HashSet<string>(reader.Criteria.Flatten().Select(c => c.Id), StringComparer.Ordinal);
        var tests = new List<AnalystTestCase>();

        // Test files are the analysts' own: read into their own bag, so that a typo there never withholds the rule set.
        var testDiagnostics = new DiagnosticBag();
        foreach (var relative in TestFiles(full, manifest.Tests))
        {
            var file = JsonFile.Read(full, relative, plainRulesEngine: false, testDiagnostics);
            if (file is not null)
            {
                tests.AddRange(Guarded(file.RelativePath, testDiagnostics, () => TestCaseReader.Read(file, manifest.Inputs, ids, testDiagnostics, manifest.BrokenInputs, [.. reader.LostCriteria, .. unread], manifest.Composition?.Survey is null ? null : survey).ToList()) ?? []);
            }
        }

        if (diagnostics.HasErrors)
        {
            return Result(null, diagnostics, testDiagnostics);
        }

        string[] workflowTexts = [.. reader.Workflows.Select(w => w.File.Text)];
        RulesEngine.RulesEngine Engine() => new(workflowTexts, RulesEngineSettings.Create());
        var ruleSet = new CompiledRuleSet(
            full,
            manifest,
            Hash(manifestFile!, surveyFile is null ? files : [surveyFile, .. files]),
            reader.Criteria,
            [.. reader.Workflows.Select(w => (w.Name, (IReadOnlySet<string>)w.Inputs))],
            [.. files.Select(f => f.RelativePath)],
            Engine,
            tests,
            reader.InputParameters,
            [.. reader.Workflows.Select(w => (w.Globals, w.Criteria))])
        {
            Composition = manifest.Composition,
            Survey = manifest.Composition?.Survey is null ? null : survey,
        };
        if (CheckWithRulesEngine)
        {
            CompileCheck(ruleSet, reader, diagnostics);
        }
        else
        {
            NeutralCheck(ruleSet, reader, diagnostics);
        }

        return Result(diagnostics.HasErrors ? null : ruleSet, diagnostics, testDiagnostics);
    }

    /// <summary>
    /// The outcome with one diagnostic per mistake: the rule files' and the test files' diagnostics grouped together
    /// (a test naming a criterion that a broken workflow file lost is a follow-on of that file's error).
    /// </summary>
    private static RuleSetLoadResult Result(CompiledRuleSet? ruleSet, DiagnosticBag diagnostics, DiagnosticBag testDiagnostics)
    {
        var shown = DiagnosticBag.RootCauses([.. diagnostics.Entries, .. testDiagnostics.Entries]);
        var tests = testDiagnostics.Entries.Select(e => e.Diagnostic).ToHashSet(ReferenceEqualityComparer.Instance);
        var testErrors = shown.Count(d => d.Severity == DiagnosticSeverity.Error && tests.Contains(d));
        return new RuleSetLoadResult(ruleSet, Ordered(shown)) { TestErrors = testErrors };
    }

    /// <summary>
    /// Runs every rule once on neutral inputs, which compiles the workflows; anything RulesEngine itself refuses
    /// is reported against the rule. This also warms the engine, so the first real unit pays no compile cost.
    /// </summary>
    private static void CompileCheck(CompiledRuleSet ruleSet, WorkflowReader reader, DiagnosticBag diagnostics)
    {
        IReadOnlyList<RuleEvaluation> results;
        try
        {
            results = ruleSet.EvaluateAsync(new Dictionary<string, object?>()).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or RulesEngine.Exceptions.RuleException)
        {
            diagnostics.Error("CCHC080", ManifestReader.FileName, 0, 0, null, RulesText.Format(nameof(RulesStrings.Loader_RulesEngineRefuses), e.Message), null);
            return;
        }

        static IEnumerable<RuleEvaluation> All(IEnumerable<RuleEvaluation> level) => level.SelectMany(r => new[] { r }.Concat(All(r.Children)));
        foreach (var result in All(results))
        {
            if (result.Error is null)
            {
                continue;
            }

            var file = reader.Workflows.FirstOrDefault(w => w.RuleIds.Contains(result.RuleId))?.File.RelativePath ?? "";
            var compileError = result.Error.StartsWith("Exception while parsing", StringComparison.Ordinal) || result.Error.StartsWith("Error while compiling", StringComparison.Ordinal);
            if (compileError)
            {
                diagnostics.Error("CCHC080", file, 0, 0, result.RuleId, RulesText.Format(nameof(RulesStrings.Loader_RulesEngineCannotCompile), FirstLine(result.Error)), null);
            }
            else
            {
                diagnostics.Warning("CCHC081", file, null, result.RuleId, RulesText.Format(nameof(RulesStrings.Loader_FailsOnZero), FirstLine(result.Error)), RulesText.Get(nameof(RulesStrings.Loader_FailsOnZero_Hint)));
            }
        }
    }

    /// <summary>
    /// The compiled evaluator on neutral inputs: a rule that fails there is warned about (CCHC081), with the message
    /// RulesEngine would give, as <see cref="CompileCheck"/> does.
    /// </summary>
    private static void NeutralCheck(CompiledRuleSet ruleSet, WorkflowReader reader, DiagnosticBag diagnostics)
    {
        var values = new Compilation.UnitValues(ruleSet.Layout);
        var buffer = new Compilation.EvaluationBuffer(ruleSet.Flattened.Count);
        ruleSet.Evaluate(values, buffer);
        for (var i = 0; i < buffer.Count; i++)
        {
            if (buffer.Errors[i] is { } error)
            {
                var id = ruleSet.Flattened[i].Id;
                var file = reader.Workflows.FirstOrDefault(w => w.RuleIds.Contains(id))?.File.RelativePath ?? "";
                diagnostics.Warning("CCHC081", file, null, id, RulesText.Format(nameof(RulesStrings.Loader_FailsOnZero), FirstLine(error)), RulesText.Get(nameof(RulesStrings.Loader_FailsOnZero_Hint)));
            }
        }
    }

    /// <summary>
    /// The test files: those the manifest lists, in its order, then every other <c>tests/*.json</c> of the folder in
    /// name order — a new case file is run without being listed.
    /// </summary>
    private static IEnumerable<string> TestFiles(string folder, IReadOnlyList<string> listed)
    {
        var seen = new HashSet<string>(listed.Select(Normalize), StringComparer.Ordinal);
        var testsFolder = Path.Combine(folder, "tests");
        IEnumerable<string> found = Directory.Exists(testsFolder)
            ? Directory.EnumerateFiles(testsFolder, "*.json", SearchOption.TopDirectoryOnly)
                .Select(f => "tests/" + Path.GetFileName(f))
                .Where(f => !seen.Contains(f))
                .Order(StringComparer.Ordinal)
            : [];
        return listed.Concat(found);

        static string Normalize(string path) => path.Replace('\\', '/').TrimStart('.', '/');
    }

    /// <summary>Runs one file's reading; an exception nothing foresaw becomes a diagnostic on that file and the others are still read.</summary>
    private static T? Guarded<T>(string file, DiagnosticBag diagnostics, Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
#pragma warning disable CA1031 // See Load: never throw on file content.
        catch (Exception e)
#pragma warning restore CA1031
        {
            diagnostics.Unexpected(file, null, null, e);
            return null;
        }
    }

    private static void Guarded(string file, DiagnosticBag diagnostics, Action read)
        => Guarded<object>(file, diagnostics, () =>
        {
            read();
            return new object();
        });

    /// <summary>
    /// Diagnostics as an analyst reads them: file by file in the order the files were read (manifest, workflows, tests),
    /// and within a file by line and column, whichever check found them first.
    /// </summary>
    private static RuleDiagnostic[] Ordered(IReadOnlyList<RuleDiagnostic> diagnostics)
    {
        var fileOrder = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in diagnostics)
        {
            fileOrder.TryAdd(d.File ?? "", fileOrder.Count);
        }

        return [.. diagnostics.OrderBy(d => fileOrder[d.File ?? ""]).ThenBy(d => d.Line).ThenBy(d => d.Column)];
    }

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    private static string Hash(JsonFile manifest, IEnumerable<JsonFile> workflows)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in new[] { manifest }.Concat(workflows))
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.RelativePath + "\n"));
            sha.AppendData(Encoding.UTF8.GetBytes(file.Text.ReplaceLineEndings("\n")));
            sha.AppendData("\n"u8);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

}
