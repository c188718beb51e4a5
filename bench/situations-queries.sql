-- The list's queries as EF Core writes them (Coordination, no scope filter), with the bench's values;
-- bench/situations-wrk.sh prints their plans on each database. One statement a line, no trailing ";".
-- The count stops at 10,001 rows (Vigie:Situations:List:MaxPages = 200 pages of 50).
SELECT COUNT(*) FROM (SELECT 1 FROM "Situations" AS "s" LIMIT 10001) AS "s0"
SELECT "s0"."Id", "o"."Name" FROM (SELECT "s"."Id", "s"."CreatedAt", "s"."ReferentOrganisationId" FROM "Situations" AS "s" ORDER BY "s"."CreatedAt" DESC, "s"."Id" DESC LIMIT 50 OFFSET 0) AS "s0" INNER JOIN "Organisations" AS "o" ON "s0"."ReferentOrganisationId" = "o"."Id" ORDER BY "s0"."CreatedAt" DESC, "s0"."Id" DESC
SELECT "s0"."Id", "o"."Name" FROM (SELECT "s"."Id", "s"."CreatedAt", "s"."ReferentOrganisationId" FROM "Situations" AS "s" ORDER BY "s"."CreatedAt" DESC, "s"."Id" DESC LIMIT 50 OFFSET 9950) AS "s0" INNER JOIN "Organisations" AS "o" ON "s0"."ReferentOrganisationId" = "o"."Id" ORDER BY "s0"."CreatedAt" DESC, "s0"."Id" DESC
SELECT COUNT(*) FROM (SELECT 1 FROM "Situations" AS "s" WHERE "s"."Level" = 'Averee' AND "s"."BirthYear" >= 2010 AND "s"."BirthYear" <= 2011 AND "s"."NextDueAt" < '2026-11-29 10:00:00' LIMIT 10001) AS "s0"
SELECT "s"."Id", "o"."Name" FROM "Situations" AS "s" INNER JOIN "Organisations" AS "o" ON "s"."ReferentOrganisationId" = "o"."Id" WHERE "s"."Level" = 'Averee' AND "s"."BirthYear" >= 2010 AND "s"."BirthYear" <= 2011 AND "s"."NextDueAt" < '2026-11-29 10:00:00' ORDER BY "o"."Name", "s"."Id" LIMIT 50 OFFSET 0
SELECT "s"."Id", "o"."Name" FROM "Situations" AS "s" INNER JOIN "Organisations" AS "o" ON "s"."ReferentOrganisationId" = "o"."Id" WHERE "s"."NameIndex" = 'x' ORDER BY "s"."BirthYear", "s"."Id" LIMIT 50 OFFSET 0
