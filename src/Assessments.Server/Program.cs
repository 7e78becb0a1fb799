using Assessments.Server.Admin;
using Assessments.Server.Calibration;
using Assessments.Server.Candidates;
using Assessments.Server.Challenges;
using Assessments.Server.Invitations;
using Assessments.Server.Operations;
using Assessments.Server.Pages;
using Assessments.Server.Partner;
using Assessments.Server.Hosting;
using Assessments.Server.Similarity;
using Assessments.Server.Submissions;
using Assessments.Server.Users;
using Assessments.Server.Webhooks;

var builder = WebApplication.CreateBuilder(args);
builder.AddPlatform();
builder.Services.AddPages();
builder.Services.AddWebhooks();
builder.Services.AddPartner();
builder.Services.AddSimilarity();

var app = builder.Build();
app.UsePages();
app.UsePlatform();
app.MapPlatformOpenApi();
app.MapOperations();
app.MapChallenges();
app.MapInvitations();
app.MapCandidate();
app.MapSubmissions();
app.MapCalibration();
app.MapUsers();
app.MapAdmin();
app.MapWebhooks();
app.MapPartnerApi();
app.MapSimilarity();
app.MapPages();
app.Run();

/// <summary>The server's entry point, named so that tests can host it (WebApplicationFactory).</summary>
public partial class Program;
