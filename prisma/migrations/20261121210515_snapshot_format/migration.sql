-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ManuscriptSnapshot" (
    "manuscriptId" TEXT NOT NULL PRIMARY KEY,
    "state" BLOB NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'yjs-v2',
    "throughSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "ManuscriptSnapshot_manuscriptId_fkey" FOREIGN KEY ("manuscriptId") REFERENCES "Manuscript" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ManuscriptSnapshot" ("manuscriptId", "state", "throughSeq", "updatedAt") SELECT "manuscriptId", "state", "throughSeq", "updatedAt" FROM "ManuscriptSnapshot";
DROP TABLE "ManuscriptSnapshot";
ALTER TABLE "new_ManuscriptSnapshot" RENAME TO "ManuscriptSnapshot";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
