using Vigie.Web.Features.Signalements;

namespace Vigie.Tests.Signalements;

public sealed class SignalementsOptionsTests
{
    private static RecipientOptions Recipient(string email) => new() { Name = "Service", Email = email };

    private static SignalementsOptions Valid() => new()
    {
        Place = "Lyon",
        Sender = new SenderOptions { Organisation = "Direction de la protection de l'enfance" },
        Recipients =
        [
            new RecipientsEntry { Territories = ["*"], Parquet = Recipient("parquet@exemple.invalid"), Crip = Recipient("crip@exemple.invalid") },
            new RecipientsEntry { Territories = ["Villeurbanne"], Parquet = Recipient("parquet-v@exemple.invalid"), Crip = Recipient("crip-v@exemple.invalid") },
        ],
    };

    [Fact]
    public void The_entry_naming_the_territory_wins_and_the_default_entry_takes_the_rest()
    {
        var options = Valid();
        Assert.Empty(options.Errors());
        Assert.Equal("parquet-v@exemple.invalid", options.For("  villeurbanne ").Parquet.Email);
        Assert.Equal("parquet@exemple.invalid", options.For("Lyon 8e").Parquet.Email);
        Assert.Equal("parquet@exemple.invalid", options.For(null).Parquet.Email);
    }

    [Fact]
    public void Incomplete_settings_are_refused_naming_each_setting()
    {
        var options = Valid();
        options.Place = " ";
        options.Recipients[1].Crip = Recipient("pas-une-adresse");
        options.Recipients[1].JugeDesEnfants = new RecipientOptions { Email = "juge@exemple.invalid" };
        options.Recipients[0].Territories = ["Lyon"];

        var errors = options.Errors();

        Assert.Contains(errors, e => e.StartsWith("Vigie:Signalements:Place", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("exactement une entrée par défaut", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Vigie:Signalements:Recipients:1:Crip:Email", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("Vigie:Signalements:Recipients:1:JugeDesEnfants:Name", StringComparison.Ordinal));
    }

    [Fact]
    public void An_information_preoccupante_goes_to_the_crip_alone_and_the_judge_needs_both_a_measure_and_a_setting()
    {
        var entry = Valid().Recipients[0];
        Assert.Equal([(RecipientRole.Crip, false)], SignalementRecipient.Choose(SignalementKind.InformationPreoccupante, entry, judicialMeasure: true).Select(r => (r.Role, r.Copy)));
        Assert.Equal([RecipientRole.ParquetDesMineurs, RecipientRole.Crip], SignalementRecipient.Choose(SignalementKind.Signalement, entry, judicialMeasure: true).Select(r => r.Role));
        entry.JugeDesEnfants = Recipient("juge@exemple.invalid");
        Assert.Equal([RecipientRole.ParquetDesMineurs, RecipientRole.JugeDesEnfants, RecipientRole.Crip],
            SignalementRecipient.Choose(SignalementKind.Signalement, entry, judicialMeasure: true).Select(r => r.Role));
        Assert.DoesNotContain(SignalementRecipient.Choose(SignalementKind.Signalement, entry, judicialMeasure: false), r => r.Role == RecipientRole.JugeDesEnfants);
    }
}
