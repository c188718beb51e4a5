namespace Vigie.Web.Features.Commission.Commitment;

/// <summary>The first version proposed to Coordination when none exists yet (to be adapted to the règlement intérieur).</summary>
public static class CommitmentText
{
    public const int MaxLength = 20000;

    public const string Default =
        """
        Engagement de confidentialité — membres de la commission (CESMIVIP)

        En participant à cette séance, je m'engage à :

        1. garder strictement confidentielles les informations personnelles portées à ma connaissance sur les mineurs et leurs familles, pendant et après la séance (secret professionnel et secret partagé, articles L226-2-2 du code de l'action sociale et des familles et 226-13 du code pénal) ;
        2. n'utiliser ces informations que pour l'évaluation et la protection des mineurs concernés, dans la limite de ce qui est strictement nécessaire à ma mission ;
        3. ne faire aucune copie, photographie, capture d'écran ni enregistrement des informations présentées, et ne les transmettre à aucune personne extérieure à la commission ;
        4. ne consulter dans Vigie que les points de l'ordre du jour des séances auxquelles je suis invité, pendant la durée prévue par le règlement intérieur ;
        5. signaler sans délai à la coordination toute divulgation ou tout accès non autorisé dont j'aurais connaissance.

        Mon acceptation est enregistrée et datée pour cette séance, conformément au règlement intérieur de la commission et au RGPD.
        """;
}
