using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Features.Protection;
using Vigie.Web.Features.Situations;
using Vigie.Web.Features.Situations.LegalSteps;
using Vigie.Web.Features.Situations.Trame;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Situations;

public sealed class ReencryptionTests(VigieFactory factory) : IClassFixture<VigieFactory>
{
    [Fact]
    public void Every_encrypted_column_of_the_model_is_in_the_pass()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<VigieDbContext>();
        var encrypted = db.Model.GetEntityTypes()
            .SelectMany(t => t.GetProperties().Where(p => p.Name.EndsWith("Encrypted", StringComparison.Ordinal)).Select(p => (t.ClrType, p.Name)))
            .ToHashSet();

        Assert.NotEmpty(encrypted);
        Assert.Equal(encrypted, Reencryption.Columns.Select(c => (c.Entity, c.Column)).ToHashSet());
    }

    [Fact]
    public async Task After_a_rotation_the_pass_rewrites_every_value_under_the_new_key_and_they_still_read_the_same()
    {
        var oldCipher = factory.Services.GetRequiredService<FieldCipher>();
        var org = await factory.CreateOrganisationAsync();
        var ids = new List<Guid>();
        for (var i = 0; i < Reencryption.BatchSize + 3; i++) // more than one batch
        {
            ids.Add(await SituationFixtures.OpenAsync(factory, org, $"Rotation{i}", "Clé", new DateOnly(2011, 1, 1).AddDays(i)));
        }

        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await factory.WithDbAsync(async db =>
        {
            db.TrameDrafts.Add(new TrameDraft { SituationId = ids[0], Section = "faits", SecretEncrypted = oldCipher.Encrypt("{\"parole\":\"secret\"}", TrameDraft.SecretPurpose), UpdatedAt = now });
            db.Evaluations.Add(new Evaluation { SituationId = ids[0], Number = 1, ValidatedAt = now, SecretEncrypted = oldCipher.Encrypt("{}", Evaluation.SecretPurpose) });
            db.SituationAssignments.Add(new SituationAssignment { SituationId = ids[1], UserId = "u", ReasonEncrypted = oldCipher.Encrypt("motif", SituationAssignment.ReasonPurpose), AssignedAt = now });
            db.EmergencyAccesses.Add(new EmergencyAccess { SituationId = ids[2], UserId = "u", JustificationEncrypted = oldCipher.Encrypt("urgence", EmergencyAccess.JustificationPurpose), GrantedAt = now, ExpiresAt = now.AddHours(24) });
            db.LegalSteps.Add(new LegalStep { SituationId = ids[3], Kind = LegalStepKind.Opp, OccurredAt = now, ExternalReferenceEncrypted = oldCipher.Encrypt("PARQ-123", LegalStep.ReferencePurpose), RecordedAt = now });
            db.LegalSteps.Add(new LegalStep { SituationId = ids[3], Kind = LegalStepKind.Signalement, OccurredAt = now, RecordedAt = now }); // no reference: left alone
            await db.SaveChangesAsync();
        });

        var folder = factory.Services.GetRequiredService<KeyFolder>();
        var ring = FieldKeyRing.Rotate(folder, factory.Clock);
        var newCipher = new FieldCipher(ring);
        using (var scope = factory.Services.CreateScope())
        {
            var pass = new Reencryption(scope.ServiceProvider.GetRequiredService<VigieDbContext>(), newCipher, factory.Services.GetRequiredService<BlindIndex>());
            var reports = await pass.RunAsync();
            Assert.Equal(ids.Count, reports.Single(r => r.Column == nameof(Situation.LastNameEncrypted)).Rewritten);
            Assert.Equal(1, reports.Single(r => r.Column == nameof(LegalStep.ExternalReferenceEncrypted)).Rewritten);
            Assert.Equal(2, reports.Single(r => r.Column == nameof(LegalStep.ExternalReferenceEncrypted)).Read);

            var again = await pass.RunAsync(); // idempotent
            Assert.All(again, r => Assert.Equal(0, r.Rewritten));
        }

        // Only the new key is needed from now on: a ring holding it alone reads everything.
        var onlyNew = new FieldCipher(new FieldKeyRing([ring.Current]));
        await factory.WithDbAsync(async db =>
        {
            var situations = await db.Situations.AsNoTracking().Where(s => ids.Contains(s.Id)).ToListAsync();
            Assert.All(situations, s => Assert.StartsWith("v1.2.", s.LastNameEncrypted, StringComparison.Ordinal));
            Assert.Contains(situations, s => s.ReadIdentity(onlyNew).LastName == "Rotation7");
            Assert.Equal("{\"parole\":\"secret\"}", onlyNew.Decrypt((await db.TrameDrafts.SingleAsync()).SecretEncrypted, TrameDraft.SecretPurpose));
            Assert.Equal("{}", onlyNew.Decrypt((await db.Evaluations.SingleAsync()).SecretEncrypted, Evaluation.SecretPurpose));
            Assert.Equal("motif", onlyNew.Decrypt((await db.SituationAssignments.SingleAsync()).ReasonEncrypted, SituationAssignment.ReasonPurpose));
            Assert.Equal("urgence", onlyNew.Decrypt((await db.EmergencyAccesses.SingleAsync()).JustificationEncrypted, EmergencyAccess.JustificationPurpose));
            Assert.Equal("PARQ-123", onlyNew.Decrypt((await db.LegalSteps.SingleAsync(s => s.ExternalReferenceEncrypted != null)).ExternalReferenceEncrypted!, LegalStep.ReferencePurpose));
        });
    }
}
