-- AlterTable
ALTER TABLE "Revision" ADD COLUMN "writtenAt" DATETIME;
