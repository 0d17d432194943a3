// Builds the whole demo program. Each area adds its part after the foundation.
import type { Db } from "../../app/utils/db.server";
import { seedApplications } from "./applications";
import { seedEvaluations } from "./evaluations";
import { seedFoundation } from "./foundation";
import { seedOfficers } from "./officers";
import { seedIssues } from "./issues";
import { seedOutcomes } from "./outcomes";
import { seedPublicPages } from "./public-pages";
import { seedReflections } from "./reflections";
import { seedSurveys } from "./surveys";
import { seedTeams } from "./teams";

export async function seedDemo(db: Db, now = new Date()): Promise<void> {
  const foundation = await seedFoundation(db, now);
  void foundation;
  await seedApplications(db, foundation, now);
  await seedPublicPages(db, foundation);
  await seedReflections(db, foundation, now);
  await seedIssues(db, foundation, now);
  await seedTeams(db, foundation, now);
  await seedEvaluations(db, foundation);
  await seedOfficers(db, foundation, now);
  await seedSurveys(db, foundation);
  await seedOutcomes(db, foundation, now);
}
