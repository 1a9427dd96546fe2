-- How a revision's snapshot reads; every existing revision is of one document.
ALTER TABLE "Revision" ADD COLUMN "layout" TEXT NOT NULL DEFAULT 'one-document';
