using Assessments.Insight.Sources;
using Assessments.Insight.Tests.Support;

namespace Assessments.Insight.Tests.Metrics;

public sealed class LanguageMetricsTests
{
    [Theory]
    [InlineData("python-kv-fastapi", "python", 12, 3)]
    [InlineData("python-kv-stdlib", "python", 8, 1)]
    [InlineData("go-kv-mutex", "go", 9, 2)]
    [InlineData("go-kv-actor", "go", 6, 4)]
    public void A_service_in_another_language_gets_metrics_and_no_findings_run(string service, string language, int functions, int types)
    {
        var result = SubmissionAnalysis.Analyze(Repository.Corpus(Path.Combine("languages", service)));

        var insight = result.Insight;
        Assert.True(insight.Analyzed);
        Assert.False(insight.FindingsRan);
        Assert.Equal("lexical", insight.Mode);
        Assert.Equal(language, insight.Language);
        Assert.Equal([language], insight.Languages);
        Assert.Empty(insight.Findings);
        var metrics = insight.Metrics!;
        Assert.Equal(1, metrics.Files);
        Assert.Equal(functions, metrics.Methods);
        Assert.Equal(types, metrics.Types);
        Assert.InRange(metrics.CodeLines, 50, metrics.Lines);
        Assert.True(metrics.Complexity.Max > 1, "branches in the handlers count");
    }

    [Fact]
    public void Go_methods_are_named_by_their_receiver_and_the_most_complex_come_first()
    {
        var metrics = SubmissionAnalysis.Analyze(Repository.Corpus("languages/go-kv-mutex")).Insight.Metrics!;

        var top = metrics.Complexity.MostComplex[0];
        Assert.Equal("store.ServeHTTP", top.Method);
        Assert.Equal(66, top.Line);
        Assert.Equal(12, top.Complexity);
    }

    [Fact]
    public void JavaScript_functions_are_declarations_named_or_block_arrows_and_class_methods_not_callbacks()
    {
        var metrics = MetricsOf(new SourceFile("server.js", """
            function start(port) { if (port > 0) { listen(port); } }
            const double = (x) => x * 2;
            const ids = items.map(item => item.id);
            class Store { get(key) { return this.values[key] ?? null; } }
            app.get('/health', (req, res) => { res.send('ok'); });
            """));

        Assert.Equal(4, metrics.Methods);
        Assert.Equal(1, metrics.Types);
        Assert.Equal(2, metrics.Complexity.Max);
    }

    [Fact]
    public void Java_methods_follow_a_type_or_a_modifier_and_calls_or_anonymous_classes_do_not_count()
    {
        var metrics = MetricsOf(new SourceFile("Store.java", """
            public class Store {
                private final Map<String, String> values = new HashMap<>();
                public Store(int size) { init(size); }
                public String get(String key) throws IOException {
                    return values.getOrDefault(key, null);
                }
                void start() {
                    new Thread(new Runnable() { public void run() { tick(); } }).start();
                    list.forEach(x -> { if (x != null && x.ok()) { send(x); } });
                }
            }
            """));

        Assert.Equal(["(lambda)", "Store", "get", "run", "start"], metrics.Complexity.MostComplex.Select(m => m.Method).Order(StringComparer.Ordinal));
        Assert.Equal(5, metrics.Methods);
        Assert.Equal(1, metrics.Types);
    }

    [Fact]
    public void A_submissions_own_tests_are_found_in_python_and_go()
    {
        var metrics = MetricsOf(
            new SourceFile("tests/test_store.py", "def test_put():\n    assert True\n\ndef helper():\n    pass\n"),
            new SourceFile("store_test.go", "package main\n\nfunc TestGet(t *testing.T) {\n}\n"),
            new SourceFile("store.go", "package main\n\nfunc TestLooking() {\n}\n"));

        Assert.Equal(2, metrics.Tests.Methods);
        Assert.Equal(2, metrics.Tests.Files);
    }

    [Fact]
    public void Code_built_to_be_slow_to_read_is_read_in_about_linear_time()
    {
        // given: deeply nested calls, nested arrows and calls in a row with no terminator, near the 256 KiB cap per file
        var nested = string.Concat(Enumerable.Repeat("a(", 30_000)) + string.Concat(Enumerable.Repeat(")", 30_000));
        var arrows = string.Concat(Enumerable.Repeat("(x=(", 10_000)) + string.Concat(Enumerable.Repeat(")=>1)=>1", 10_000));
        var calls = string.Concat(Enumerable.Repeat("f() ", 50_000));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // when
        var metrics = MetricsOf(new SourceFile("nested.js", nested), new SourceFile("arrows.js", arrows), new SourceFile("Calls.java", calls), new SourceFile("calls.go", calls));

        // then
        Assert.Equal(4, metrics.Files);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static Domain.Reports.CodeMetrics MetricsOf(params SourceFile[] files)
    {
        var root = Path.Combine(Path.GetTempPath(), $"insight-metrics-{Guid.NewGuid():n}");
        try
        {
            foreach (var file in files)
            {
                var path = Path.Combine(root, file.Path);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, file.Text);
            }

            return SubmissionAnalysis.Analyze(root).Insight.Metrics!;
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
