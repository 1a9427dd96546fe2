-- How the manuscript's Yjs documents are laid out; every existing manuscript is one document.
ALTER TABLE "Manuscript" ADD COLUMN "layout" TEXT NOT NULL DEFAULT 'one-document';
