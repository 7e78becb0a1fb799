using Assessments.Platform.Workers;
using Assessments.Similarity;

namespace Assessments.Worker;

/// <summary>
/// A runner worker: claims grading jobs from PostgreSQL and grades them with the real grader on this
/// host's Docker engine. Settings: <c>ConnectionStrings__Assessments</c>, <c>Worker__WorkerId</c>,
/// <c>Worker__ChallengesPath</c>, <c>Worker__LeaseSeconds</c> (see <see cref="WorkerOptions"/>).
/// </summary>
public static class WorkerHost
{
    public static async Task<int> Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.Logging.ClearProviders();
        builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        builder.Services.AddGradingWorker(builder.Configuration);
        builder.Services.AddSingleton<IGradingEngine, DockerGradingEngine>();
        builder.Services.AddCohortSimilarity();
        await builder.Build().RunAsync();
        return 0;
    }
}
