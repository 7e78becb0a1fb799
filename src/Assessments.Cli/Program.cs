using System.CommandLine;
using Assessments.Cli.Calibrate;
using Assessments.Cli.Demo;
using Assessments.Cli.Grade;
using Assessments.Cli.Load;
using Assessments.Cli.Reap;
using Assessments.Cli.Server;
using Assessments.Cli.Validate;
using Spectre.Console;

// Piped output (CI, make, scripts) would otherwise wrap tables and messages at 80 columns.
if (!AnsiConsole.Profile.Capabilities.Interactive)
{
    AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 160);
}

var root = new RootCommand("Assessments: grade a candidate's running backend service against a challenge's level rubric.");
root.Subcommands.Add(GradeCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(Assessments.Cli.Baseline.BaselineCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
root.Subcommands.Add(LoadCommand.Create());
root.Subcommands.Add(ReapCommand.Create());
root.Subcommands.Add(Assessments.Cli.Similarity.SimilarityCommand.Create());
root.Subcommands.Add(Assessments.Cli.Check.CheckCommand.Create());
root.Subcommands.Add(SubmitCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(SubmissionsCommand.Create());
root.Subcommands.Add(AdminCommand.Create());
return await root.Parse(args).InvokeAsync();
