-- AlterTable
ALTER TABLE "User" ADD COLUMN "caretColor" TEXT;
