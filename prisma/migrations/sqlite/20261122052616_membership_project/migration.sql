-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_CohortMembership" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "cohortId" TEXT NOT NULL,
    "personId" TEXT,
    "pendingLogin" TEXT,
    "role" TEXT NOT NULL,
    "teamId" TEXT,
    "projectId" TEXT,
    "calendarToken" TEXT,
    "lastActiveAt" DATETIME,
    "completedAt" DATETIME,
    "testimonial" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CohortMembership_cohortId_fkey" FOREIGN KEY ("cohortId") REFERENCES "Cohort" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortMembership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "CohortMembership_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "CohortMembership_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_CohortMembership" ("calendarToken", "cohortId", "completedAt", "createdAt", "id", "lastActiveAt", "pendingLogin", "personId", "role", "teamId", "testimonial") SELECT "calendarToken", "cohortId", "completedAt", "createdAt", "id", "lastActiveAt", "pendingLogin", "personId", "role", "teamId", "testimonial" FROM "CohortMembership";
DROP TABLE "CohortMembership";
ALTER TABLE "new_CohortMembership" RENAME TO "CohortMembership";
CREATE UNIQUE INDEX "CohortMembership_calendarToken_key" ON "CohortMembership"("calendarToken");
CREATE INDEX "CohortMembership_personId_idx" ON "CohortMembership"("personId");
CREATE INDEX "CohortMembership_teamId_idx" ON "CohortMembership"("teamId");
CREATE UNIQUE INDEX "CohortMembership_cohortId_personId_role_key" ON "CohortMembership"("cohortId", "personId", "role");
CREATE UNIQUE INDEX "CohortMembership_cohortId_pendingLogin_role_key" ON "CohortMembership"("cohortId", "pendingLogin", "role");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
