using Vigie.Web.Data;
using Vigie.Web.Features.Accueil;
using Vigie.Web.Features.Administration;
using Vigie.Web.Features.Annuaire;
using Vigie.Web.Features.Commission;
using Vigie.Web.Features.Compte;
using Vigie.Web.Features.Enquetes;
using Vigie.Web.Features.Formation;
using Vigie.Web.Features.Installation;
using Vigie.Web.Features.Lexique;
using Vigie.Web.Features.Notifications;
using Vigie.Web.Features.Observatoire;
using Vigie.Web.Features.Observatoire.Extract;
using Vigie.Web.Features.Observatoire.Import;
using Vigie.Web.Features.Signalements;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.Timeline;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Audit;
using Vigie.Web.Platform.Cli;
using Vigie.Web.Platform.Crypto;
using Vigie.Web.Platform.Email;
using Vigie.Web.Platform.Email.Outbox;
using Vigie.Web.Platform.Web;

var (command, hostArgs) = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(hostArgs);

builder.AddWebPlatform();
builder.AddKeys();
builder.AddData();
builder.AddAudit();
builder.AddEmail();
builder.AddOutbox();
builder.AddAccounts();
builder.AddInstallation();
builder.AddAdministration();
builder.AddNotifications();
builder.AddSituationTimeline();
builder.AddTrame();
builder.AddSignalements();
builder.AddCommission();
builder.AddObservatoire();
builder.AddPseudonymisedExtract();
builder.AddSituationImport();
builder.AddEnquetes();
builder.AddAccueil();
builder.AddFormation();
builder.AddLexique();
builder.AddAnnuaire();

var app = builder.Build();

if (command is not null)
{
    return await CommandLine.RunAsync(command, app.Services);
}

await app.Services.PrepareDatabaseAsync();
await app.Services.FillObservatoryColumnsAsync();
await app.Services.SeedLexiqueAsync();
await app.Services.PrepareInstallationAsync(app);

app.UseWebPlatform();
app.MapWebPlatform();

await app.RunAsync();
return 0;

public partial class Program;
