// The upstream stub: a data plane the candidate's service calls and a control plane only the runner
// calls, in one process sharing one state. See README.md for how to run it.
using Assessments.Upstream;

var settings = UpstreamSettings.FromEnvironment();
var state = new UpstreamState(settings);
var token = Environment.GetEnvironmentVariable("CONTROL_TOKEN") ?? string.Empty;

var data = Plane.Create(args, Plane.Port("UPSTREAM_PORT", 8080));
data.MapDataPlane(state);

var control = Plane.Create(args, Plane.Port("CONTROL_PORT", 9090));
control.MapControlPlane(state, token);

// Started one after the other so that a port already taken ends the process instead of leaving half a stub.
await data.StartAsync();
await control.StartAsync();
Console.WriteLine($"upstream stub ready: /{settings.Resources}/{{key}} ({settings.Data.Count} keys), effects: {settings.Effects ?? "none"}");
await Task.WhenAll(data.WaitForShutdownAsync(), control.WaitForShutdownAsync());
