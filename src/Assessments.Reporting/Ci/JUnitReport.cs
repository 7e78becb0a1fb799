using System.Globalization;
using System.Text;
using System.Xml;
using Assessments.Domain.Reports;
using Assessments.Domain.Scoring;

namespace Assessments.Reporting.Ci;

/// <summary>
/// report.junit.xml: a grading as JUnit XML (the Jenkins/Ant dialect every CI reads). One suite holds the
/// grading's outcome, one a test case per rubric criterion, one a test case per contract or scenario
/// check; a failure carries the evidence and the curl that reproduces it.
/// </summary>
public static class JUnitReport
{
    public static string Render(GradingReport r)
    {
        var text = new Utf8StringWriter();
        using (var xml = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, Async = false }))
        {
            var cases = Outcome(r).Concat(Criteria(r)).Concat(Checks(r)).ToList();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", $"assessments {r.Challenge.Id}");
            xml.WriteAttributeString("tests", Count(cases.Count));
            xml.WriteAttributeString("failures", Count(cases.Count(c => c.Failed)));
            xml.WriteAttributeString("errors", Count(cases.Count(c => c.IsError)));
            xml.WriteAttributeString("time", Seconds(r.Timings.TotalMs));
            foreach (var suite in cases.GroupBy(c => c.Suite))
            {
                WriteSuite(xml, r, suite.Key, suite.ToList());
            }

            xml.WriteEndElement();
        }

        return text.ToString();
    }

    private static IEnumerable<JUnitCase> Outcome(GradingReport r)
    {
        var failure = r.Failure is { } f
            ? $"{EvidenceText.Clean(f.Message)}{(f.ExitCode is { } code ? $" (exit code {code})" : string.Empty)}\n" +
              string.Join('\n', f.LogTail.TakeLast(30).Select(EvidenceText.Clean))
            : null;
        var summary = $"{ReportView.Headline(r)}; status {r.Status.ToName()}, level {r.Level.ToName()}, score {r.Score}/100";
        yield return new JUnitCase("grading", "grading", "status", r.Timings.TotalMs,
            r.Status == ReportStatus.Graded ? null : summary, failure ?? summary, IsError: r.Status == ReportStatus.InfrastructureError);
    }

    // After a platform fault the criteria were never evaluated: skipped, not failed, like the report says.
    private static IEnumerable<JUnitCase> Criteria(GradingReport r) =>
        r.Criteria.Select(c => new JUnitCase(
            "criteria",
            $"criteria.{c.Competency}",
            $"{c.Id}: {c.Title} ({c.Points}/{c.MaxPoints})",
            0,
            c.Passed ? null : $"{c.Points}/{c.MaxPoints} points: {c.Title}",
            EvidenceText.Of(c.Evidence))
        {
            Skipped = r.Status == ReportStatus.InfrastructureError ? "not evaluated: a platform fault ended the grading (retried, never held against the candidate)" : null,
        });

    private static IEnumerable<JUnitCase> Checks(GradingReport r) =>
        r.Contract.Checks.Select(c => new JUnitCase(
            "checks",
            $"checks.{c.Visibility}",
            $"{c.Id}: {c.Title}",
            c.Evidence.Sum(e => e.Exchange?.DurationMs ?? 0),
            c.Passed ? null : EvidenceText.Clean(c.Summary),
            EvidenceText.Of(c.Evidence)));

    private static void WriteSuite(XmlWriter xml, GradingReport r, string name, IReadOnlyList<JUnitCase> cases)
    {
        xml.WriteStartElement("testsuite");
        xml.WriteAttributeString("name", name);
        xml.WriteAttributeString("tests", Count(cases.Count));
        xml.WriteAttributeString("failures", Count(cases.Count(c => c.Failed)));
        xml.WriteAttributeString("errors", Count(cases.Count(c => c.IsError)));
        xml.WriteAttributeString("skipped", Count(cases.Count(c => c.Skipped is not null)));
        xml.WriteAttributeString("time", Seconds(cases.Sum(c => c.Ms)));
        xml.WriteAttributeString("timestamp", r.Timings.StartedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        xml.WriteStartElement("properties");
        foreach (var (key, value) in Properties(r))
        {
            xml.WriteStartElement("property");
            xml.WriteAttributeString("name", key);
            xml.WriteAttributeString("value", EvidenceText.Clean(value));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
        foreach (var c in cases)
        {
            xml.WriteStartElement("testcase");
            xml.WriteAttributeString("name", EvidenceText.Clean(c.Name));
            xml.WriteAttributeString("classname", c.ClassName);
            xml.WriteAttributeString("time", Seconds(c.Ms));
            if (c.Skipped is { } reason)
            {
                xml.WriteElementString("skipped", reason);
            }
            else if (c.Failure is { } message)
            {
                xml.WriteStartElement(c.IsError ? "error" : "failure");
                xml.WriteAttributeString("message", message);
                xml.WriteAttributeString("type", c.Suite);
                xml.WriteString(c.Details);
                xml.WriteEndElement();
            }
            else if (c.Details.Length > 0)
            {
                xml.WriteElementString("system-out", c.Details);
            }

            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    private static IEnumerable<(string, string)> Properties(GradingReport r) =>
    [
        ("challenge", $"{r.Challenge.Id} {r.Challenge.Version}"),
        ("rubric", r.RubricVersion),
        ("status", r.Status.ToName()),
        ("level", r.Level.ToName()),
        ("score", Count(r.Score)),
        ("submission.sha256", r.Submission.Sha256),
    ];

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(double ms) => (ms / 1000).ToString("0.000", CultureInfo.InvariantCulture);

    private sealed record JUnitCase(string Suite, string ClassName, string Name, double Ms, string? Failure, string Details, bool IsError = false)
    {
        public string? Skipped { get; init; }

        public bool Failed => Failure is not null && Skipped is null && !IsError;
    }

    /// <summary>A StringWriter that declares UTF-8 (the file is written as UTF-8), not UTF-16.</summary>
    private sealed class Utf8StringWriter : StringWriter
    {
        public Utf8StringWriter()
            : base(CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => Encoding.UTF8;
    }
}
