namespace Vigie.Bench;

/// <summary>
/// The whole dashboard as ONE hand-written statement per database, the yardstick of the
/// <c>observatoire</c> command: the same population as <c>ObservatoryFilter.Apply</c> (first situation
/// of each minor, counted in the period), the same aggregates as <c>Observatory.ComputeAsync</c>,
/// returned as rows (part, key, second key, count) that the command reads back.
/// Parameters: @from and @to (the period's days), @start and @end (the same Paris days as UTC instants,
/// for the commission's tables). Enumerations are stored as their names.
/// </summary>
public static class ObservatorySql
{
    /// <summary>
    /// PostgreSQL, the same shape as SQLite's: every fixed category counted in one pass (one FILTER per
    /// category, turned into rows by jsonb_each_text), a GROUP BY for each open-ended distribution, then
    /// the legal steps and the commission. (A first version put every distribution in one GROUPING SETS
    /// pass: over 1,000,000 situations PostgreSQL sorted the whole population for it, on disk beyond
    /// work_mem, and the statement took 8.4 s.)
    /// </summary>
    public const string Postgres = """
        WITH pop AS NOT MATERIALIZED (
            SELECT * FROM "Situations"
            WHERE "CountsForMinor" AND "CountedOn" >= @from AND "CountedOn" <= @to
        ),
        counted AS (
            SELECT jsonb_build_object(
                'filled|Total', count(*),
                'sex|Fille', count(*) FILTER (WHERE "Sex" = 'Fille'), 'sex|Garcon', count(*) FILTER (WHERE "Sex" = 'Garcon'), 'sex|Autre', count(*) FILTER (WHERE "Sex" = 'Autre'),
                'sex|NonRenseigne', count(*) FILTER (WHERE "Sex" = 'NonRenseigne'),
                'level|EnRisque', count(*) FILTER (WHERE "Level" = 'EnRisque'), 'level|Averee', count(*) FILTER (WHERE "Level" = 'Averee'), 'level|', count(*) FILTER (WHERE "Level" IS NULL),
                'physical|non_observe', count(*) FILTER (WHERE "PhysicalViolence" = 'non_observe'), 'physical|suspecte', count(*) FILTER (WHERE "PhysicalViolence" = 'suspecte'),
                'physical|avere', count(*) FILTER (WHERE "PhysicalViolence" = 'avere'), 'physical|inconnu', count(*) FILTER (WHERE "PhysicalViolence" = 'inconnu'),
                'physical|', count(*) FILTER (WHERE "PhysicalViolence" IS NULL),
                'sexual|non_observe', count(*) FILTER (WHERE "SexualViolence" = 'non_observe'), 'sexual|suspecte', count(*) FILTER (WHERE "SexualViolence" = 'suspecte'),
                'sexual|avere', count(*) FILTER (WHERE "SexualViolence" = 'avere'), 'sexual|inconnu', count(*) FILTER (WHERE "SexualViolence" = 'inconnu'),
                'sexual|', count(*) FILTER (WHERE "SexualViolence" IS NULL),
                'family|biparentale', count(*) FILTER (WHERE "FamilyStructure" = 'biparentale'), 'family|monoparentale_mere', count(*) FILTER (WHERE "FamilyStructure" = 'monoparentale_mere'),
                'family|monoparentale_pere', count(*) FILTER (WHERE "FamilyStructure" = 'monoparentale_pere'), 'family|recomposee', count(*) FILTER (WHERE "FamilyStructure" = 'recomposee'),
                'family|tiers', count(*) FILTER (WHERE "FamilyStructure" = 'tiers'), 'family|placement', count(*) FILTER (WHERE "FamilyStructure" = 'placement'),
                'family|inconnue', count(*) FILTER (WHERE "FamilyStructure" = 'inconnue'), 'family|', count(*) FILTER (WHERE "FamilyStructure" IS NULL)) AS counts,
                -- PostgreSQL takes at most 100 arguments per function: the other half in a second object.
                jsonb_build_object('rank|aine', count(*) FILTER (WHERE "SiblingRank" = 'aine'), 'rank|cadet', count(*) FILTER (WHERE "SiblingRank" = 'cadet'), 'rank|benjamin', count(*) FILTER (WHERE "SiblingRank" = 'benjamin'),
                'rank|unique', count(*) FILTER (WHERE "SiblingRank" = 'unique'), 'rank|inconnu', count(*) FILTER (WHERE "SiblingRank" = 'inconnu'),
                'rank|rang_', count(*) FILTER (WHERE "SiblingRank" LIKE 'rang\_%'), 'rank|', count(*) FILTER (WHERE "SiblingRank" IS NULL),
                'poly|true', count(*) FILTER (WHERE "PolyRunaway"), 'poly|false', count(*) FILTER (WHERE NOT "PolyRunaway"), 'poly|', count(*) FILTER (WHERE "PolyRunaway" IS NULL),
                'prox|1', count(*) FILTER (WHERE "Proxenetisme"), 'prox|0', count(*) FILTER (WHERE NOT "Proxenetisme"), 'prox|', count(*) FILTER (WHERE "Proxenetisme" IS NULL),
                'rab|1', count(*) FILTER (WHERE "Rabattage"), 'rab|0', count(*) FILTER (WHERE NOT "Rabattage"), 'rab|', count(*) FILTER (WHERE "Rabattage" IS NULL),
                'victim|1', count(*) FILTER (WHERE "Proxenetisme" OR "Rabattage"), 'victim|0', count(*) FILTER (WHERE NOT "Proxenetisme" AND NOT "Rabattage"),
                'protection|aucune', count(*) FILTER (WHERE "Protection" = 'aucune'), 'protection|aed', count(*) FILTER (WHERE "Protection" = 'aed'), 'protection|aemo', count(*) FILTER (WHERE "Protection" = 'aemo'),
                'protection|aemo_h', count(*) FILTER (WHERE "Protection" = 'aemo_h'), 'protection|placement_ase', count(*) FILTER (WHERE "Protection" = 'placement_ase'),
                'protection|placement_opp', count(*) FILTER (WHERE "Protection" = 'placement_opp'), 'protection|placement_jugement', count(*) FILTER (WHERE "Protection" = 'placement_jugement'),
                'protection|dap', count(*) FILTER (WHERE "Protection" = 'dap'), 'protection|tutelle', count(*) FILTER (WHERE "Protection" = 'tutelle'),
                'protection|pjj_civile', count(*) FILTER (WHERE "Protection" = 'pjj_civile'), 'protection|pjj_penale', count(*) FILTER (WHERE "Protection" = 'pjj_penale'),
                'protection|', count(*) FILTER (WHERE "Protection" IS NULL),
                'filled|BirthMonth', count("BirthMonth"), 'filled|Territory', count("Territory"), 'filled|DetectedOn', count("DetectedOn"),
                'filled|DetectionSource', count("DetectionSource"), 'filled|RunawaysLast12Months', count("RunawaysLast12Months"),
                'filled|Schooling', count("Schooling"), 'filled|LivingPlace', count("LivingPlace"),
                'filled|UnaccompaniedMinor', count("UnaccompaniedMinor")) AS more_counts
            FROM pop
        ),
        held AS (
            SELECT i."Id", i."SituationId", i."Representation"
            FROM "AgendaItems" i JOIN "CommissionSessions" s ON s."Id" = i."SessionId"
            WHERE s."Status" = 'Tenue' AND s."StartsAt" >= @start AND s."StartsAt" < @end
        )
        -- Grouped on integers, turned into text after: grouping on text (or on extract()'s numeric) costs
        -- several times more over a million rows.
        SELECT 'year_level' AS part, y::text AS k1, "Level" AS k2, n
            FROM (SELECT date_part('year', "CountedOn")::int AS y, "Level", count(*) AS n FROM pop GROUP BY 1, 2) t
        UNION ALL SELECT 'birth_year', "BirthYear"::text, NULL, n FROM (SELECT "BirthYear", count(*) AS n FROM pop GROUP BY 1) t
        UNION ALL SELECT 'age_months', months::text, NULL, n
            FROM (SELECT date_part('year', "DetectedOn")::int * 12 + date_part('month', "DetectedOn")::int - ("BirthYear" * 12 + "BirthMonth") AS months,
                         count(*) AS n
                  FROM pop WHERE "DetectedOn" IS NOT NULL AND "BirthMonth" IS NOT NULL GROUP BY 1) t
        UNION ALL SELECT split_part(j.key, '|', 1), nullif(split_part(j.key, '|', 2), ''), NULL, j.value::bigint
            FROM counted, jsonb_each_text(counted.counts || counted.more_counts) AS j
        UNION ALL SELECT 'step', l."Kind", NULL, count(DISTINCT l."SituationId")
            FROM "LegalSteps" l
            WHERE l."Kind" IN ('Signalement', 'InformationPreoccupante', 'Opp', 'AudienceJugeEnfants')
              AND l."SituationId" IN (SELECT "Id" FROM pop)
            GROUP BY l."Kind"
        UNION ALL SELECT 'delay_days', ((f.at AT TIME ZONE 'UTC')::date - p."DetectedOn")::text, NULL, count(*)
            FROM (SELECT "SituationId", min("OccurredAt") AS at FROM "LegalSteps" WHERE "Kind" = 'Signalement' GROUP BY "SituationId") f
            JOIN pop p ON p."Id" = f."SituationId"
            WHERE p."DetectedOn" IS NOT NULL
            GROUP BY 2
        UNION ALL SELECT 'sessions', "Status", "Kind", count(*)
            FROM "CommissionSessions" WHERE "StartsAt" >= @start AND "StartsAt" < @end GROUP BY "Status", "Kind"
        UNION ALL SELECT 'presented', NULL, NULL, count(DISTINCT "SituationId") FROM held
        UNION ALL SELECT 'twice', NULL, NULL, count(*) FROM (SELECT 1 FROM held GROUP BY "SituationId" HAVING count(*) >= 2) t
        UNION ALL SELECT 'representation', NULL, NULL, count(*) FROM held WHERE "Representation"
        UNION ALL SELECT 'decision', d."Kind", NULL, count(*)
            FROM "CommissionDecisions" d WHERE d."AgendaItemId" IN (SELECT "Id" FROM held) GROUP BY d."Kind"
        UNION ALL SELECT 'actions_due', NULL, NULL, count(*) FROM "CommissionActions" WHERE "DueOn" >= @from AND "DueOn" <= @to
        UNION ALL SELECT 'actions_on_time', NULL, NULL, count(*)
            FROM "CommissionActions"
            WHERE "DueOn" >= @from AND "DueOn" <= @to AND "Status" = 'Faite'
              AND ("ClosedAt" AT TIME ZONE 'Europe/Paris')::date <= "DueOn"
        UNION ALL SELECT 'accompaniments', "Status", NULL, count(*)
            FROM "Accompaniments" WHERE "ProposedAt" >= @start AND "ProposedAt" < @end GROUP BY "Status"
        UNION ALL SELECT 'active', NULL, NULL, count(*) FROM "Accompaniments" WHERE "Status" = 'Acceptee'
        """;

    /// <summary>
    /// SQLite (no GROUPING SETS, no time zones): the population read once from the observatory's
    /// covering index (no "Id" there, which would cost a table lookup per row); every fixed category
    /// counted in one pass (one <c>count(*) FILTER (WHERE …)</c> per category, SQLite's cheapest conditional
    /// count, turned into rows by json_each), a GROUP BY for each
    /// open-ended distribution (years, birth years, ages), then the legal steps (situations looked up by
    /// id) and the commission. Dates are ISO text; Paris time is UTC plus one hour, two from the last
    /// Sunday of March to the last Sunday of October (01:00 UTC).
    /// </summary>
    public const string Sqlite = """
        WITH pop AS NOT MATERIALIZED (
            SELECT "CountedOn", "Sex", "BirthYear", "BirthMonth", "Territory", "Level", "DetectedOn", "DetectionSource",
                   "FamilyStructure", "PhysicalViolence", "SexualViolence", "SiblingRank", "RunawaysLast12Months", "PolyRunaway",
                   "Proxenetisme", "Rabattage", "Protection", "Schooling", "LivingPlace", "UnaccompaniedMinor"
            FROM "Situations"
            WHERE "CountsForMinor" AND "CountedOn" >= @from AND "CountedOn" <= @to
        ),
        counted AS (
            SELECT json_object(
                'filled|Total', count(*),
                'sex|Fille', count(*) FILTER (WHERE "Sex" = 'Fille'), 'sex|Garcon', count(*) FILTER (WHERE "Sex" = 'Garcon'), 'sex|Autre', count(*) FILTER (WHERE "Sex" = 'Autre'),
                'sex|NonRenseigne', count(*) FILTER (WHERE "Sex" = 'NonRenseigne'),
                'level|EnRisque', count(*) FILTER (WHERE "Level" = 'EnRisque'), 'level|Averee', count(*) FILTER (WHERE "Level" = 'Averee'), 'level|', count(*) FILTER (WHERE "Level" IS NULL),
                'physical|non_observe', count(*) FILTER (WHERE "PhysicalViolence" = 'non_observe'), 'physical|suspecte', count(*) FILTER (WHERE "PhysicalViolence" = 'suspecte'),
                'physical|avere', count(*) FILTER (WHERE "PhysicalViolence" = 'avere'), 'physical|inconnu', count(*) FILTER (WHERE "PhysicalViolence" = 'inconnu'),
                'physical|', count(*) FILTER (WHERE "PhysicalViolence" IS NULL),
                'sexual|non_observe', count(*) FILTER (WHERE "SexualViolence" = 'non_observe'), 'sexual|suspecte', count(*) FILTER (WHERE "SexualViolence" = 'suspecte'),
                'sexual|avere', count(*) FILTER (WHERE "SexualViolence" = 'avere'), 'sexual|inconnu', count(*) FILTER (WHERE "SexualViolence" = 'inconnu'),
                'sexual|', count(*) FILTER (WHERE "SexualViolence" IS NULL),
                'family|biparentale', count(*) FILTER (WHERE "FamilyStructure" = 'biparentale'), 'family|monoparentale_mere', count(*) FILTER (WHERE "FamilyStructure" = 'monoparentale_mere'),
                'family|monoparentale_pere', count(*) FILTER (WHERE "FamilyStructure" = 'monoparentale_pere'), 'family|recomposee', count(*) FILTER (WHERE "FamilyStructure" = 'recomposee'),
                'family|tiers', count(*) FILTER (WHERE "FamilyStructure" = 'tiers'), 'family|placement', count(*) FILTER (WHERE "FamilyStructure" = 'placement'),
                'family|inconnue', count(*) FILTER (WHERE "FamilyStructure" = 'inconnue'), 'family|', count(*) FILTER (WHERE "FamilyStructure" IS NULL)) AS counts,
                -- SQLite takes at most 127 arguments per function: the other half in a second object.
                json_object('rank|aine', count(*) FILTER (WHERE "SiblingRank" = 'aine'), 'rank|cadet', count(*) FILTER (WHERE "SiblingRank" = 'cadet'), 'rank|benjamin', count(*) FILTER (WHERE "SiblingRank" = 'benjamin'),
                'rank|unique', count(*) FILTER (WHERE "SiblingRank" = 'unique'), 'rank|inconnu', count(*) FILTER (WHERE "SiblingRank" = 'inconnu'),
                'rank|rang_', count(*) FILTER (WHERE "SiblingRank" LIKE 'rang\_%' ESCAPE '\'), 'rank|', count(*) FILTER (WHERE "SiblingRank" IS NULL),
                'poly|1', count(*) FILTER (WHERE "PolyRunaway" = 1), 'poly|0', count(*) FILTER (WHERE "PolyRunaway" = 0), 'poly|', count(*) FILTER (WHERE "PolyRunaway" IS NULL),
                'prox|1', count(*) FILTER (WHERE "Proxenetisme" = 1), 'prox|0', count(*) FILTER (WHERE "Proxenetisme" = 0), 'prox|', count(*) FILTER (WHERE "Proxenetisme" IS NULL),
                'rab|1', count(*) FILTER (WHERE "Rabattage" = 1), 'rab|0', count(*) FILTER (WHERE "Rabattage" = 0), 'rab|', count(*) FILTER (WHERE "Rabattage" IS NULL),
                'victim|1', count(*) FILTER (WHERE "Proxenetisme" = 1 OR "Rabattage" = 1), 'victim|0', count(*) FILTER (WHERE "Proxenetisme" = 0 AND "Rabattage" = 0),
                'protection|aucune', count(*) FILTER (WHERE "Protection" = 'aucune'), 'protection|aed', count(*) FILTER (WHERE "Protection" = 'aed'), 'protection|aemo', count(*) FILTER (WHERE "Protection" = 'aemo'),
                'protection|aemo_h', count(*) FILTER (WHERE "Protection" = 'aemo_h'), 'protection|placement_ase', count(*) FILTER (WHERE "Protection" = 'placement_ase'),
                'protection|placement_opp', count(*) FILTER (WHERE "Protection" = 'placement_opp'), 'protection|placement_jugement', count(*) FILTER (WHERE "Protection" = 'placement_jugement'),
                'protection|dap', count(*) FILTER (WHERE "Protection" = 'dap'), 'protection|tutelle', count(*) FILTER (WHERE "Protection" = 'tutelle'),
                'protection|pjj_civile', count(*) FILTER (WHERE "Protection" = 'pjj_civile'), 'protection|pjj_penale', count(*) FILTER (WHERE "Protection" = 'pjj_penale'),
                'protection|', count(*) FILTER (WHERE "Protection" IS NULL),
                'filled|BirthMonth', count("BirthMonth"), 'filled|Territory', count("Territory"), 'filled|DetectedOn', count("DetectedOn"),
                'filled|DetectionSource', count("DetectionSource"), 'filled|RunawaysLast12Months', count("RunawaysLast12Months"),
                'filled|Schooling', count("Schooling"), 'filled|LivingPlace', count("LivingPlace"),
                'filled|UnaccompaniedMinor', count("UnaccompaniedMinor")) AS more_counts
            FROM pop
        ),
        held AS (
            SELECT i."Id", i."SituationId", i."Representation"
            FROM "AgendaItems" i JOIN "CommissionSessions" s ON s."Id" = i."SessionId"
            WHERE s."Status" = 'Tenue' AND s."StartsAt" >= @start AND s."StartsAt" < @end
        )
        SELECT 'year_level' AS part, CAST(substr("CountedOn", 1, 4) AS INTEGER) AS k1, "Level" AS k2, count(*) AS n FROM pop GROUP BY 2, 3
        UNION ALL SELECT 'birth_year', "BirthYear", NULL, count(*) FROM pop GROUP BY 2
        UNION ALL SELECT 'age_months', CAST(substr("DetectedOn", 1, 4) AS INTEGER) * 12 + CAST(substr("DetectedOn", 6, 2) AS INTEGER)
                                       - ("BirthYear" * 12 + "BirthMonth"), NULL, count(*)
            FROM pop WHERE "DetectedOn" IS NOT NULL AND "BirthMonth" IS NOT NULL GROUP BY 2
        UNION ALL SELECT substr(j.key, 1, instr(j.key, '|') - 1), nullif(substr(j.key, instr(j.key, '|') + 1), ''), NULL, coalesce(j.value, 0)
            FROM counted, json_each(counted.counts) AS j
        UNION ALL SELECT substr(j.key, 1, instr(j.key, '|') - 1), nullif(substr(j.key, instr(j.key, '|') + 1), ''), NULL, coalesce(j.value, 0)
            FROM counted, json_each(counted.more_counts) AS j
        UNION ALL SELECT 'step', l."Kind", NULL, count(DISTINCT l."SituationId")
            FROM "LegalSteps" l
            WHERE l."Kind" IN ('Signalement', 'InformationPreoccupante', 'Opp', 'AudienceJugeEnfants')
              AND EXISTS (SELECT 1 FROM "Situations" s WHERE s."Id" = l."SituationId"
                          AND s."CountsForMinor" AND s."CountedOn" >= @from AND s."CountedOn" <= @to)
            GROUP BY l."Kind"
        UNION ALL SELECT 'delay_days', CAST(julianday(date(f.at)) - julianday(p."DetectedOn") AS INTEGER), NULL, count(*)
            FROM (SELECT "SituationId", min("OccurredAt") AS at FROM "LegalSteps" WHERE "Kind" = 'Signalement' GROUP BY "SituationId") f
            JOIN "Situations" p ON p."Id" = f."SituationId"
            WHERE p."CountsForMinor" AND p."CountedOn" >= @from AND p."CountedOn" <= @to AND p."DetectedOn" IS NOT NULL
            GROUP BY 2
        UNION ALL SELECT 'sessions', "Status", "Kind", count(*)
            FROM "CommissionSessions" WHERE "StartsAt" >= @start AND "StartsAt" < @end GROUP BY 2, 3
        UNION ALL SELECT 'presented', NULL, NULL, count(DISTINCT "SituationId") FROM held
        UNION ALL SELECT 'twice', NULL, NULL, count(*) FROM (SELECT 1 FROM held GROUP BY "SituationId" HAVING count(*) >= 2)
        UNION ALL SELECT 'representation', NULL, NULL, count(*) FROM held WHERE "Representation"
        UNION ALL SELECT 'decision', d."Kind", NULL, count(*)
            FROM "CommissionDecisions" d WHERE d."AgendaItemId" IN (SELECT "Id" FROM held) GROUP BY 2
        UNION ALL SELECT 'actions_due', NULL, NULL, count(*) FROM "CommissionActions" WHERE "DueOn" >= @from AND "DueOn" <= @to
        UNION ALL SELECT 'actions_on_time', NULL, NULL, count(*)
            FROM "CommissionActions"
            WHERE "DueOn" >= @from AND "DueOn" <= @to AND "Status" = 'Faite' AND "ClosedAt" IS NOT NULL
              AND date("ClosedAt", CASE
                    WHEN "ClosedAt" >= datetime(substr("ClosedAt", 1, 4) || '-03-31', '-6 days', 'weekday 0', '+1 hours')
                     AND "ClosedAt" < datetime(substr("ClosedAt", 1, 4) || '-10-31', '-6 days', 'weekday 0', '+1 hours')
                    THEN '+2 hours' ELSE '+1 hours' END) <= "DueOn"
        UNION ALL SELECT 'accompaniments', "Status", NULL, count(*)
            FROM "Accompaniments" WHERE "ProposedAt" >= @start AND "ProposedAt" < @end GROUP BY 2
        UNION ALL SELECT 'active', NULL, NULL, count(*) FROM "Accompaniments" WHERE "Status" = 'Acceptee'
        """;
}
