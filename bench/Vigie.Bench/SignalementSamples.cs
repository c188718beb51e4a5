using Vigie.Web.Features.Signalements.Documents;

namespace Vigie.Bench;

/// <summary>
/// Fictitious signalements for the PDF benchmark and for looking at the PDF: every name, address and
/// number is made up. <see cref="Typical"/> fills about two pages, as a real signalement does;
/// <see cref="TenPages"/> adds facts until the document runs to about ten pages.
/// </summary>
public static class SignalementSamples
{
    public static readonly DateTimeOffset CreatedAt = new(2026, 11, 29, 10, 30, 0, TimeSpan.Zero);

    private static readonly string[] Facts =
    [
        "Le 12 novembre 2026, l'éducatrice de prévention a rencontré Léa devant le collège Jean-Macé. Léa a indiqué qu'elle « ne rentrait plus vraiment » chez sa mère depuis trois semaines et qu'elle dormait « chez des amis » dont elle n'a pas voulu donner les noms.",
        "Le 18 novembre, l'infirmière scolaire a constaté que Léa disposait de deux téléphones portables et d'une somme d'argent importante (environ 300 €) sans explication cohérente. Léa a reçu pendant l'entretien plusieurs appels auxquels elle a répondu en s'isolant.",
        "Le 21 novembre, une annonce publiée sur un site de petites annonces, reprenant une photographie de Léa, a été signalée au service par une camarade de classe. L'annonce évoquait des « rencontres » dans un appartement du 7e arrondissement ; elle a été retirée depuis.",
        "Depuis la rentrée, Léa a fugué à quatre reprises (les 2 et 23 septembre, le 14 octobre et le 9 novembre), chaque fois pour deux à cinq jours. Sa mère a déclaré les fugues au commissariat du 8e arrondissement ; Léa est revenue seule chaque fois, sans dire où elle avait été.",
    ];

    public static SignalementDocument Typical() => Build(Facts.Take(3));

    /// <summary>The typical signalement with its facts repeated until the document runs to about ten pages.</summary>
    public static SignalementDocument TenPages()
    {
        var facts = new List<string>();
        for (var round = 1; round <= 23; round++)
        {
            facts.AddRange(Facts.Select((fact, i) => $"{round}.{i + 1} — {fact}"));
        }

        return Build(facts);
    }

    private static SignalementDocument Build(IEnumerable<string> facts) => new(
        SignalementDocumentKind.Signalement,
        "SIG-2026-000123",
        new DocumentSender(
            "Métropole de Lyon — Direction de la protection de l'enfance",
            ["Maison de la Métropole pour les solidarités", "12 rue de l'Exemple", "69007 Lyon"],
            "04 00 00 00 00",
            "protection.enfance@exemple.invalid"),
        [new DocumentRecipient(
            "Monsieur le Procureur de la République",
            ["Parquet des mineurs", "Tribunal judiciaire de Lyon", "1 rue du Palais", "69003 Lyon"])],
        [new DocumentRecipient(
            "Cellule de recueil des informations préoccupantes (CRIP)",
            ["Métropole de Lyon", "20 rue du Lac", "69003 Lyon"])],
        "Lyon",
        new DateOnly(2026, 11, 29),
        [
            new LabelledValue("Nom", "EXEMPLE"),
            new LabelledValue("Prénom(s)", "Léa, Marie"),
            new LabelledValue("Née le", "14 mars 2011 (15 ans)"),
            new LabelledValue("Adresse", "chez sa mère, 8 rue Fictive, 69008 Lyon"),
            new LabelledValue("Scolarité", "classe de 3e, collège Jean-Macé (Lyon 8e)"),
        ],
        [
            new DocumentSection(1, "Identité du/de la mineur(e) et situation familiale",
            [
                new TextParagraph("Léa vit avec sa mère, Mme Claire EXEMPLE, et son demi-frère de 8 ans. Le père, M. Paul EXEMPLE, réside à Marseille ; il exerce l'autorité parentale conjointement mais n'a plus de contact avec Léa depuis 2023."),
            ]),
            new DocumentSection(2, "Faits constatés", [.. facts.Select(f => new TextParagraph(f))]),
            new DocumentSection(3, "Paroles du/de la mineur(e)",
            [
                new TextParagraph("Propos rapportés mot pour mot par l'éducatrice, le 12 novembre 2026 :\n« Je fais ce que je veux, de toute façon ils me paient le taxi. »\n« Ma mère ne sait pas, et il ne faut pas qu'elle sache. »"),
            ]),
            new DocumentSection(4, "Indicateurs observés",
            [
                new LabelledList(
                [
                    new LabelledValue("Fugues répétées", "quatre fugues depuis septembre 2026, de deux à cinq jours chacune"),
                    new LabelledValue("Argent ou objets inexpliqués", "deux téléphones, environ 300 € en espèces, vêtements neufs"),
                    new LabelledValue("Annonce en ligne", "photographie de Léa sur un site de petites annonces (signalée le 21 novembre)"),
                    new LabelledValue("Décrochage scolaire", "absentéisme de 40 % depuis la rentrée"),
                ]),
            ]),
            new DocumentSection(5, "Famille et titulaires de l'autorité parentale",
            [
                new LabelledList(
                [
                    new LabelledValue("Mère", "Mme Claire EXEMPLE, 8 rue Fictive, 69008 Lyon — 06 00 00 00 01"),
                    new LabelledValue("Père", "M. Paul EXEMPLE, 5 boulevard Imaginaire, 13001 Marseille — 06 00 00 00 02"),
                ]),
                new TextParagraph("La mère a été informée du présent signalement le 28 novembre 2026 ; elle dit ne pas comprendre « ce qui arrive à sa fille » et accepte l'aide proposée."),
            ]),
            new DocumentSection(6, "Actions déjà menées",
            [
                new TextParagraph("Entretiens avec Léa les 12, 18 et 25 novembre ; rencontre avec la mère le 28 novembre ; orientation vers la maison des adolescents, où Léa n'est pas allée ; information du commissariat du 8e arrondissement lors des fugues."),
            ]),
            new DocumentSection(7, "Analyse de la situation",
            [
                new TextParagraph("Les fugues répétées, l'argent et les objets dont Léa ne peut expliquer l'origine, l'annonce en ligne et ses propos laissent craindre qu'elle soit victime d'exploitation sexuelle. Sa mère, seule, ne parvient pas à la protéger ; Léa refuse pour l'instant toute aide."),
            ]),
            new DocumentSection(8, "Mesures sollicitées",
            [
                new TextParagraph("Nous sollicitons l'ouverture d'une enquête sur les faits d'exploitation et la saisine du juge des enfants en vue d'une mesure de protection adaptée ; une ordonnance de placement provisoire si Léa fugue de nouveau."),
            ]),
        ],
        [
            new DocumentAuthor("Sophie EXEMPLE", "Éducatrice spécialisée", "Service de prévention spécialisée, Lyon 8e", "04 00 00 00 10", "s.exemple@exemple.invalid"),
            new DocumentAuthor("Marc EXEMPLE", "Infirmier scolaire", "Collège Jean-Macé", "04 00 00 00 11", "m.exemple@exemple.invalid"),
        ]);
}
