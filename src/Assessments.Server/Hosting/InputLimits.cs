namespace Assessments.Server.Hosting;

/// <summary>
/// The one place that states how long every free-text input may be, so the API's validation, the
/// pages' <c>maxlength</c>s, the OpenAPI descriptions and the README agree. A request body as a whole
/// is capped too (<see cref="MaxJsonBodyBytes"/>); uploads have their own limit.
/// </summary>
public static class InputLimits
{
    /// <summary>An interviewer's reason for overriding a level.</summary>
    public const int OverrideReasonChars = 2_000;

    public const int NoteChars = 10_000;

    public const int CandidateNameChars = 200;

    public const int UserNameChars = 100;

    /// <summary>Any request body other than an upload: the largest valid one (a note) is far below this.</summary>
    public const long MaxJsonBodyBytes = 256 * 1024;

    /// <summary>Bearer tokens and session ids we issue are 43 characters; anything much longer is not one of ours.</summary>
    public const int TokenChars = 200;
}
