using Assessments.Submissions;

namespace Assessments.Server.Candidates;

/// <summary>What came of reading an upload: its bytes and content hash, or why it was refused.</summary>
public sealed record ReceivedUpload(byte[]? Archive, string? Sha256, bool TooLarge, string? Rejection);

/// <summary>
/// Streams an upload into a temporary folder of its own, counting bytes as they arrive (413 past the
/// limit, before anything is stored), then checks it with the runner's own intake rules (links,
/// traversal, absolute paths, entry count, decompression bombs). The folder is removed afterwards.
/// </summary>
public static class UploadReceiver
{
    private const string StagedName = "submission.archive";

    /// <param name="uploadName">The file name the candidate chose (the page sends it), named in a refusal instead of the staging file's.</param>
    public static async Task<ReceivedUpload> ReceiveAsync(Stream body, long? declaredLength, long maxBytes, CancellationToken cancellationToken, string? uploadName = null)
    {
        if (declaredLength > maxBytes)
        {
            return new ReceivedUpload(null, null, TooLarge: true, null);
        }

        var folder = OwnedTempFolders.Create(OwnedTempFolders.Upload);
        try
        {
            var path = Path.Combine(folder.FullName, StagedName);
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                long total = 0;
                int read;
                while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    total += read;
                    if (total > maxBytes)
                    {
                        return new ReceivedUpload(null, null, TooLarge: true, null);
                    }

                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            if (new FileInfo(path).Length == 0)
            {
                return new ReceivedUpload(null, null, false, "the upload is empty; send a .zip or .tar.gz archive as the request body");
            }

            try
            {
                using var staged = SubmissionIntake.Stage(path, SubmissionLimits.Default with { MaxCompressedBytes = maxBytes });
                var sha256 = staged.ComputeSha256();
                return new ReceivedUpload(await File.ReadAllBytesAsync(path, cancellationToken), sha256, false, null);
            }
            catch (SubmissionRejectedException e)
            {
                var message = e.Entry == StagedName ? $"{e.Reason}: '{uploadName ?? "the upload"}'" : e.Message;
                return new ReceivedUpload(null, null, false, message);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
