using System.CommandLine;
using Assessments.Cli.Calibrate;
using Assessments.Cli.Demo;
using Assessments.Cli.Grade;
using Assessments.Cli.Validate;

var root = new RootCommand("Assessments: grade a candidate's running backend service against a challenge's level rubric.");
root.Subcommands.Add(GradeCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(CalibrateCommand.Create());
root.Subcommands.Add(DemoCommand.Create());
return await root.Parse(args).InvokeAsync();
