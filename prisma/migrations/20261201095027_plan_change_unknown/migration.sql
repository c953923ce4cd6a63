-- AlterEnum
ALTER TYPE "PlanChangeStatus" ADD VALUE 'UNKNOWN';
