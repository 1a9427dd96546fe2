-- CreateTable
CREATE TABLE "Revision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "manuscriptId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" TEXT NOT NULL,
    "name" TEXT,
    "createdById" TEXT,
    "snapshot" BLOB NOT NULL,
    "throughSeq" INTEGER NOT NULL,
    "wordCount" INTEGER NOT NULL,
    "summary" TEXT NOT NULL,
    CONSTRAINT "Revision_manuscriptId_fkey" FOREIGN KEY ("manuscriptId") REFERENCES "Manuscript" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Revision_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Revision_manuscriptId_createdAt_idx" ON "Revision"("manuscriptId", "createdAt");
