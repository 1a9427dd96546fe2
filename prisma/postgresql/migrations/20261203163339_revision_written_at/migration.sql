-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "writtenAt" TIMESTAMP(3);
