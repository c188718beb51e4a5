extern alias bench;

using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using bench::Vigie.Bench;
using Vigie.Tests.Infrastructure;
using Vigie.Web.Data;
using Vigie.Web.Features.Situations;
using Vigie.Web.Platform.Crypto;

namespace Vigie.Tests.Bench;

public sealed class SituationGeneratorTests
{
    [Fact]
    public async Task The_generator_writes_the_number_asked_with_real_encrypted_identities_and_is_repeatable_with_a_seed()
    {
        using var factory = new VigieFactory();
        var cipher = factory.Services.GetRequiredService<FieldCipher>();
        var generator = new SituationGenerator(factory.Services.GetRequiredService<IDbContextFactory<VigieDbContext>>(),
            cipher, factory.Services.GetRequiredService<BlindIndex>());
        var now = new DateTime(2026, 11, 29, 10, 0, 0, DateTimeKind.Utc);

        var first = await generator.GenerateAsync(200, seed: 7, now, "auteur-1");

        Assert.Equal(200, first.Situations);
        Assert.Equal(200, first.SampleIds.Distinct().Count());
        var situations = await factory.WithDbAsync(db => db.Situations.AsNoTracking().ToListAsync());
        Assert.Equal(200, situations.Count);
        var identities = situations.Select(s => s.ReadIdentity(cipher)).ToList();
        Assert.All(identities, i => Assert.False(string.IsNullOrWhiteSpace(i.LastName) || string.IsNullOrWhiteSpace(i.FirstName)));
        Assert.All(situations, s => Assert.InRange(now.Year - s.BirthYear, 11, 17));
        Assert.All(situations, s => Assert.DoesNotContain(s.ReadIdentity(cipher).LastName, s.LastNameEncrypted, StringComparison.Ordinal));
        Assert.All(situations, s => Assert.InRange(s.CreatedAt, now.AddYears(-4), now));
        Assert.InRange(situations.Count(s => s.Sex == Sex.Fille), 150, 190);
        Assert.True(identities.Select(i => i.LastName).Distinct().Count() > 100);
        Assert.True(situations.Select(s => s.Territory).Distinct().Count() > 15);
        Assert.True(situations.Select(s => s.ReferentOrganisationId).Distinct().Count() > 10);
        Assert.Equal(Enum.GetValues<SituationStatus>().Length, situations.Select(s => s.Status).Distinct().Count());
        Assert.Equal(3, situations.Select(s => s.Level).Distinct().Count());

        var (evaluations, steps, overdue, closed) = await factory.WithDbAsync(async db => (
            await db.Evaluations.CountAsync(),
            await db.LegalSteps.CountAsync(),
            await db.LegalSteps.CountAsync(l => l.CompletedAt == null && l.DueAt < now),
            await db.Situations.CountAsync(s => s.Status == SituationStatus.Cloturee)));
        Assert.Equal(first.Evaluations, evaluations);
        Assert.Equal(first.LegalSteps, steps);
        Assert.Equal(first.OverdueSteps, overdue);
        Assert.Equal(first.Closed, closed);
        Assert.True(evaluations > 100 && steps > 30 && overdue > 0 && closed > 10, $"{evaluations} {steps} {overdue} {closed}");
        // The statistical codes are the trame's own option keys, so the observatory counts them in its categories.
        static IEnumerable<string> Keys(string section, string field) =>
            Vigie.Web.Features.Situations.Trame.TrameSchema.Find(section)!.Field(field)!.Options.Select(o => o.Key);
        var evaluated = situations.Where(s => s.Level != null).ToList();
        Assert.All(evaluated, s => Assert.Contains(s.FamilyStructure, Keys("famille", "structure_familiale")));
        Assert.All(evaluated, s => Assert.Contains(s.PhysicalViolence, Keys("famille", "violences_physiques")));
        Assert.All(evaluated, s => Assert.Contains(s.SexualViolence, Keys("famille", "violences_sexuelles")));
        Assert.All(evaluated, s => Assert.True(Keys("famille", "rang").Contains(s.SiblingRank) || s.SiblingRank!.StartsWith("rang_", StringComparison.Ordinal), s.SiblingRank));
        Assert.All(evaluated, s => Assert.Contains(s.Protection, Keys("administratif", "protection")));
        Assert.All(evaluated, s => Assert.Contains(s.Schooling, Keys("administratif", "scolarite")));
        Assert.All(evaluated, s => Assert.Contains(s.LivingPlace, Keys("administratif", "lieu_de_vie")));
        Assert.All(evaluated, s => Assert.Contains(s.DetectionSource, Keys("reperage", "source")));
        // Every situation with a level has the evaluation that gave it.
        Assert.Equal(situations.Count(s => s.Level != null),
            await factory.WithDbAsync(db => db.Evaluations.Select(e => e.SituationId).Distinct().CountAsync()));

        // The same seed gives the same people, dates and statuses again (new ids and ciphertexts).
        var second = await generator.GenerateAsync(200, seed: 7, now, "auteur-2");
        Assert.Equal(first.Evaluations, second.Evaluations);
        var again = await factory.WithDbAsync(db => db.Situations.AsNoTracking().Where(s => s.CreatedById == "auteur-2").ToListAsync());
        Assert.Equal(200, again.Count);
        static string Key(Situation s, FieldCipher c) => $"{s.ReadIdentity(c)}|{s.CreatedAt:O}|{s.Status}|{s.Level}|{s.Territory}|{s.ReferentOrganisationId}";
        Assert.Equal(situations.Select(s => Key(s, cipher)).Order(StringComparer.Ordinal), again.Select(s => Key(s, cipher)).Order(StringComparer.Ordinal));
        Assert.Empty(situations.Select(s => s.Id).Intersect(again.Select(s => s.Id)));
        // The organisations are created once and found again by name.
        Assert.Equal(35, await factory.WithDbAsync(db => db.Organisations.CountAsync()));
    }
}
