-- Reflection answers were stored under the prompt's words; from now on they are stored
-- under the prompt's id, so renaming a prompt keeps its answers attached. A cohort's
-- list of plain strings is read as the ids p1, p2… in its order (parsePrompts in
-- app/reflections/rules.ts); an answer whose words match no prompt keeps its key and
-- shows under those words.
UPDATE "Reflection"
SET "answers" = (
  SELECT json_group_object(COALESCE('p' || (p."key" + 1), a."key"), a."value")
  FROM json_each("Reflection"."answers") AS a
  LEFT JOIN json_each((SELECT c."reflectionPrompts" FROM "Cohort" AS c WHERE c."id" = "Reflection"."cohortId")) AS p
    ON p."type" = 'text' AND trim(p."value") = a."key"
)
WHERE json_valid("answers") AND json_type("answers") = 'object' AND "answers" <> '{}'
  AND EXISTS (
    SELECT 1 FROM "Cohort" AS c
    WHERE c."id" = "Reflection"."cohortId" AND json_valid(c."reflectionPrompts") AND json_type(c."reflectionPrompts") = 'array'
  );
