/*
  Warnings:

  - The primary key for the `ManuscriptSnapshot` table will be changed. If it partially fails, the table could be left without primary key constraint.

*/
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ManuscriptSnapshot" (
    "manuscriptId" TEXT NOT NULL,
    "docName" TEXT NOT NULL DEFAULT '',
    "state" BLOB NOT NULL,
    "format" TEXT NOT NULL DEFAULT 'yjs-v2',
    "throughSeq" INTEGER NOT NULL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("manuscriptId", "docName"),
    CONSTRAINT "ManuscriptSnapshot_manuscriptId_fkey" FOREIGN KEY ("manuscriptId") REFERENCES "Manuscript" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ManuscriptSnapshot" ("format", "manuscriptId", "state", "throughSeq", "updatedAt") SELECT "format", "manuscriptId", "state", "throughSeq", "updatedAt" FROM "ManuscriptSnapshot";
DROP TABLE "ManuscriptSnapshot";
ALTER TABLE "new_ManuscriptSnapshot" RENAME TO "ManuscriptSnapshot";
CREATE TABLE "new_ManuscriptUpdate" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "manuscriptId" TEXT NOT NULL,
    "docName" TEXT NOT NULL DEFAULT '',
    "data" BLOB NOT NULL,
    "userId" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ManuscriptUpdate_manuscriptId_fkey" FOREIGN KEY ("manuscriptId") REFERENCES "Manuscript" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ManuscriptUpdate_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_ManuscriptUpdate" ("createdAt", "data", "manuscriptId", "seq", "userId") SELECT "createdAt", "data", "manuscriptId", "seq", "userId" FROM "ManuscriptUpdate";
-- Keep the sequence where it was: compaction deletes rows, so the highest seq left can be below
-- one a revision already covers, and a reused seq would hide new text from the next revision.
DELETE FROM sqlite_sequence WHERE "name" = 'new_ManuscriptUpdate';
INSERT INTO sqlite_sequence ("name", "seq") SELECT 'new_ManuscriptUpdate', "seq" FROM sqlite_sequence WHERE "name" = 'ManuscriptUpdate';
DROP TABLE "ManuscriptUpdate";
ALTER TABLE "new_ManuscriptUpdate" RENAME TO "ManuscriptUpdate";
CREATE INDEX "ManuscriptUpdate_manuscriptId_seq_idx" ON "ManuscriptUpdate"("manuscriptId", "seq");
CREATE INDEX "ManuscriptUpdate_manuscriptId_docName_seq_idx" ON "ManuscriptUpdate"("manuscriptId", "docName", "seq");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
