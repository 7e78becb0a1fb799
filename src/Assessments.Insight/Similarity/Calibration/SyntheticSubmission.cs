using System.Text;
using Assessments.Insight.Sources;

namespace Assessments.Insight.Similarity.Calibration;

/// <summary>
/// A made-up C# service, different for every seed: a minimal API with a few endpoints, a store and a
/// service class whose methods are built from random statements and expressions. Independently
/// seeded ones share no more code than two people writing the same kind of service would, so the
/// benchmark and the tests can fill a cohort with them and plant copies among them.
/// </summary>
public static class SyntheticSubmission
{
    private static readonly string[] Nouns = ["order", "price", "item", "ticket", "job", "account", "note", "invoice", "batch", "route", "slot", "quote"];
    private static readonly string[] Verbs = ["load", "save", "check", "apply", "merge", "split", "count", "find", "score", "trim", "queue", "sync"];
    private static readonly string[] Types = ["int", "string", "long", "bool", "decimal", "double"];
    private static readonly string[] Operators = ["+", "-", "*", "/", "%", "==", "!=", "<", ">", "&&", "||", "??"];
    private static readonly string[] Methods = ["Where", "Select", "Count", "Any", "First", "OrderBy", "Sum", "Take", "Skip", "Distinct"];

    public static IReadOnlyList<SourceFile> Generate(int seed, int methods = 14)
    {
        var random = new Random(seed);
        var noun = Pick(random, Nouns);
        var type = Capital(noun);
        var program = new StringBuilder();
        program.AppendLine("var builder = WebApplication.CreateBuilder(args);");
        program.AppendLine($"builder.Services.AddSingleton<{type}Store>();");
        program.AppendLine($"builder.Services.AddSingleton<{type}Service>();");
        program.AppendLine("var app = builder.Build();");
        for (var i = 0; i < 3 + random.Next(4); i++)
        {
            var verb = Pick(random, Verbs);
            program.AppendLine($"app.Map{(random.Next(2) == 0 ? "Get" : "Post")}(\"/{noun}s/{verb}/{{id}}\", async (string id, {type}Service service, CancellationToken token) =>");
            program.AppendLine("{");
            AppendStatements(program, random, 2 + random.Next(3), depth: 1);
            program.AppendLine($"    return Results.Ok(await service.{Capital(verb)}Async(id, token));");
            program.AppendLine("});");
        }

        program.AppendLine("app.Run();");

        var service = new StringBuilder();
        service.AppendLine($"public sealed class {type}Service({type}Store store)");
        service.AppendLine("{");
        for (var i = 0; i < methods; i++)
        {
            var returns = Pick(random, Types);
            var parameters = string.Join(", ", Enumerable.Range(0, random.Next(4)).Select(p => $"{Pick(random, Types)} {Pick(random, Nouns)}{p}"));
            var modifiers = Pick(random, ["public", "internal", "private", "public static", "private static", "protected internal"]);
            var isAsync = random.Next(2) == 0;
            service.AppendLine($"    {modifiers} {(isAsync ? $"async Task<{returns}>" : returns)} {Capital(Pick(random, Verbs))}{i}({parameters})");
            service.AppendLine("    {");
            service.AppendLine(random.Next(2) == 0 ? "        var values = new List<int>();" : $"        List<int> values = {(isAsync ? "await " : "")}{(isAsync ? "Task.FromResult(new List<int>())" : "[]")};");
            AppendStatements(service, random, 4 + random.Next(6), depth: 2);
            service.AppendLine($"        return ({returns})Convert.ChangeType({Expression(random, 2)}, typeof({returns}));");
            service.AppendLine("    }");
        }

        service.AppendLine("}");

        var store = new StringBuilder();
        store.AppendLine($"public sealed record {type}(string Id, {Pick(random, Types)} Value, {Pick(random, Types)} Extra);");
        store.AppendLine($"public sealed class {type}Store");
        store.AppendLine("{");
        store.AppendLine($"    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, List<int>> _{noun}s = new();");
        store.AppendLine("    public Task<List<int>> ReadAsync(string id, CancellationToken token)");
        store.AppendLine("    {");
        AppendStatements(store, random, 3 + random.Next(3), depth: 2);
        store.AppendLine($"        return Task.FromResult(_{noun}s.GetOrAdd(id, _ => new List<int>()));");
        store.AppendLine("    }");
        store.AppendLine("}");
        return [new SourceFile("Program.cs", program.ToString()), new SourceFile($"{type}Service.cs", service.ToString()), new SourceFile($"{type}Store.cs", store.ToString())];
    }

    private static void AppendStatements(StringBuilder code, Random random, int count, int depth)
    {
        var indent = new string(' ', depth * 4);
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(depth > 3 ? 4 : 12))
            {
                case 7:
                    code.AppendLine($"{indent}{Pick(random, Types)} {Pick(random, Nouns)}{random.Next(100)} = {Expression(random, 2)} is {Pick(random, Types)} ? {Expression(random, 1)} : -{Expression(random, 1)};");
                    break;
                case 8:
                    code.AppendLine($"{indent}while (values.Count {Pick(random, Operators)} {random.Next(20)} && !values.{Pick(random, Methods)}({Lambda(random)}))");
                    code.AppendLine($"{indent}{{");
                    AppendStatements(code, random, 1 + random.Next(2), depth + 1);
                    code.AppendLine($"{indent}    break;");
                    code.AppendLine($"{indent}}}");
                    break;
                case 9:
                    code.AppendLine($"{indent}values[{random.Next(9)}] {Pick(random, ["+=", "-=", "*=", "|=", "&=", "^="])} ({Pick(random, Types)})({Expression(random, 2)});");
                    break;
                case 10:
                    code.AppendLine($"{indent}var {Pick(random, Nouns)}{random.Next(100)} = {Expression(random, 1)} switch {{ {random.Next(9)} => {Expression(random, 1)}, < {random.Next(50)} => new[] {{ {Expression(random, 1)}, {Expression(random, 1)} }}.Length, _ => {Expression(random, 1)} }};");
                    break;
                case 11:
                    code.AppendLine($"{indent}lock (values) {{ values.{Pick(random, ["RemoveAt", "Insert", "Add", "Remove"])}(({Pick(random, Types)}){Expression(random, 1)}?.GetHashCode() ?? {random.Next(9)}); }}");
                    break;
                case 0:
                case 1:
                    code.AppendLine($"{indent}var {Pick(random, Nouns)}{random.Next(100)} = {Expression(random, 3)};");
                    break;
                case 2:
                    code.AppendLine($"{indent}values.Add({Expression(random, 2)});");
                    break;
                case 3:
                    code.AppendLine($"{indent}var {Pick(random, Nouns)}{random.Next(100)} = values.{Pick(random, Methods)}({Lambda(random)}){(random.Next(2) == 0 ? $".{Pick(random, Methods)}({Lambda(random)})" : string.Empty)};");
                    break;
                case 4:
                    code.AppendLine($"{indent}if ({Expression(random, 2)} {Pick(random, Operators)} {Expression(random, 1)})");
                    code.AppendLine($"{indent}{{");
                    AppendStatements(code, random, 1 + random.Next(3), depth + 1);
                    code.AppendLine($"{indent}}}");
                    break;
                case 5:
                    code.AppendLine($"{indent}foreach (var {Pick(random, Nouns)} in values.{Pick(random, Methods)}({Lambda(random)}))");
                    code.AppendLine($"{indent}{{");
                    AppendStatements(code, random, 1 + random.Next(2), depth + 1);
                    code.AppendLine($"{indent}}}");
                    break;
                default:
                    code.AppendLine($"{indent}try");
                    code.AppendLine($"{indent}{{");
                    AppendStatements(code, random, 1 + random.Next(2), depth + 1);
                    code.AppendLine($"{indent}}}");
                    code.AppendLine($"{indent}catch (InvalidOperationException e) when (e.Message.Length > {random.Next(100)})");
                    code.AppendLine($"{indent}{{");
                    code.AppendLine($"{indent}    values.Clear();");
                    code.AppendLine($"{indent}}}");
                    break;
            }
        }
    }

    private static string Expression(Random random, int depth) => (depth <= 0 ? 0 : random.Next(9)) switch
    {
        5 => $"$\"{{{Expression(random, depth - 1)}}}-{{{Expression(random, depth - 1)}}}\".Length",
        6 => $"(({Pick(random, Types)}){Expression(random, depth - 1)}).CompareTo({Expression(random, depth - 1)})",
        7 => $"new {Capital(Pick(random, Nouns))}Result({Expression(random, depth - 1)}){(random.Next(2) == 0 ? "!" : "?")}.Value",
        8 => $"-{Expression(random, depth - 1)} {Pick(random, ["<<", ">>", "&", "|", "^"])} {random.Next(8)}",
        0 => random.Next(3) switch { 0 => random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture), 1 => $"\"{Pick(random, Nouns)}\"", _ => "values.Count" },
        1 => $"({Expression(random, depth - 1)} {Pick(random, Operators)} {Expression(random, depth - 1)})",
        2 => $"values.{Pick(random, Methods)}({Lambda(random)})",
        3 => $"Math.Max({Expression(random, depth - 1)}, {Expression(random, depth - 1)})",
        _ => $"values[{Expression(random, depth - 1)}]",
    };

    private static string Lambda(Random random) => random.Next(3) switch
    {
        0 => $"v => v {Pick(random, Operators)} {random.Next(50)}",
        1 => $"v => v.ToString().Length > {random.Next(9)}",
        _ => string.Empty,
    };

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];

    private static string Capital(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
