-- AlterTable
ALTER TABLE "AuthSession" ADD COLUMN     "userAgent" TEXT;
