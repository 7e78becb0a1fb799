namespace Assessments.Domain.Challenges.Loading;

internal static class SandboxMapper
{
    private const string File = ChallengeFiles.Manifest;

    public static SandboxOverrides Map(SandboxDocument doc, ProblemList problems)
    {
        Check(doc.RunMemoryMb, 64, SandboxMaxima.RunMemoryMb, "sandbox.runMemoryMb", problems);
        Check(doc.Pids, 32, SandboxMaxima.Pids, "sandbox.pids", problems);
        Check(doc.BuildTimeoutSeconds, 30, SandboxMaxima.BuildTimeoutSeconds, "sandbox.buildTimeoutSeconds", problems);
        Check(doc.TmpSizeMb, 1, SandboxMaxima.TmpSizeMb, "sandbox.tmpSizeMb", problems);
        return new SandboxOverrides(doc.RunMemoryMb, doc.Pids, doc.BuildTimeoutSeconds, doc.TmpSizeMb);
    }

    private static void Check(int? value, int min, int max, string where, ProblemList problems)
    {
        if (value is { } v && (v < min || v > max))
        {
            problems.Add(File, where, $"{v} is outside what the platform allows ({min}–{max})");
        }
    }
}
