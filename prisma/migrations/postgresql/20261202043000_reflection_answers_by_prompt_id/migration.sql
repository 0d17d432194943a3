-- Reflection answers were stored under the prompt's words; from now on they are stored
-- under the prompt's id, so renaming a prompt keeps its answers attached. A cohort's
-- list of plain strings is read as the ids p1, p2… in its order (parsePrompts in
-- app/reflections/rules.ts); an answer whose words match no prompt keeps its key and
-- shows under those words.
UPDATE "Reflection" AS r
SET "answers" = (
  SELECT json_object_agg(COALESCE('p' || p.ord, a.key), a.value)::text
  FROM json_each_text(r."answers"::json) AS a
  LEFT JOIN LATERAL (
    SELECT e.ord
    FROM "Cohort" AS c, json_array_elements(c."reflectionPrompts"::json) WITH ORDINALITY AS e(value, ord)
    WHERE c."id" = r."cohortId" AND json_typeof(e.value) = 'string' AND btrim(e.value #>> '{}') = a.key
    LIMIT 1
  ) AS p ON true
)
WHERE r."answers" LIKE '{%' AND r."answers" <> '{}'
  AND EXISTS (SELECT 1 FROM "Cohort" AS c WHERE c."id" = r."cohortId" AND c."reflectionPrompts" LIKE '[%');
