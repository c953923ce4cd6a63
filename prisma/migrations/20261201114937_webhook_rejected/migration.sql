-- AlterEnum
ALTER TYPE "WebhookOutcome" ADD VALUE 'REJECTED';
