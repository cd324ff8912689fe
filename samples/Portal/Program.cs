using System.Text.Encodings.Web;
using Cchc.Portal;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

// A provincial portal's scoring API: every rule set under CchcScoring:RuleSetsRoot, followed as analysts edit them.
var builder = WebApplication.CreateBuilder(args);
builder.Services.AddCchcScoring(builder.Configuration.GetSection(CchcScoringOptions.SectionName));
builder.Services.AddHealthChecks().AddCchcRuleSets();
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseCchcLanguage(); // Accept-Language: en → the library's messages in English, per request
app.MapOpenApi();
app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
app.MapScoring();
app.Run();
