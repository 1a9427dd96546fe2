-- CreateTable
CREATE TABLE "SuggestionDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "manuscriptId" TEXT NOT NULL,
    "suggestionId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "decidedById" TEXT,
    "decidedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "SuggestionDecision_manuscriptId_fkey" FOREIGN KEY ("manuscriptId") REFERENCES "Manuscript" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "SuggestionDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "SuggestionDecision_manuscriptId_suggestionId_idx" ON "SuggestionDecision"("manuscriptId", "suggestionId");
