namespace Assessments.Load.Model;

/// <summary>What the init and clean hooks get: the run's HTTP client, for setting up or removing test data.</summary>
public sealed record ScenarioContext(string ScenarioName, HttpMessageInvoker Http);
