import "server-only";
import crypto from "node:crypto";
import { z } from "zod";
import { hashPassword } from "./password";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Merchant accounts. Functions take the Prisma client as an optional last argument so the
// `merchant:create` CLI can run with only DATABASE_URL (lib/db needs the full app env).

type UserStore = Pick<PrismaClient, "merchantUser">;

export const merchantEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address"));
export const MIN_PASSWORD_LENGTH = 10;

async function defaultStore(): Promise<UserStore> {
  return (await import("@/lib/db/client")).db;
}

/** Creates the user, or sets the password of an existing one (the demo seed runs on every start). */
export async function ensureMerchantUser(email: string, password: string, store?: UserStore): Promise<{ id: string; email: string }> {
  const address = merchantEmail.parse(email);
  if (password.length < MIN_PASSWORD_LENGTH) throw new RangeError(`merchant passwords need at least ${MIN_PASSWORD_LENGTH} characters`);
  const client = store ?? (await defaultStore());
  const passwordHash = await hashPassword(password);
  return client.merchantUser.upsert({
    where: { email: address },
    create: { email: address, passwordHash },
    update: { passwordHash },
    select: { id: true, email: true },
  });
}

/** A random password shown once by the CLI; the merchant signs in with it. */
export function generateOneTimePassword(): string {
  return crypto.randomBytes(15).toString("base64url");
}

export type CreateUserResult = { created: true; email: string; password: string } | { created: false; email: string; reason: "exists" };

/** Creates a new merchant user with a generated password; an existing account is only reset when asked. */
export async function createMerchantUser(email: string, opts: { reset?: boolean } = {}, store?: UserStore): Promise<CreateUserResult> {
  const address = merchantEmail.parse(email);
  const client = store ?? (await defaultStore());
  const existing = await client.merchantUser.findUnique({ where: { email: address }, select: { id: true } });
  if (existing && !opts.reset) return { created: false, email: address, reason: "exists" };
  const password = generateOneTimePassword();
  await ensureMerchantUser(address, password, client);
  return { created: true, email: address, password };
}
