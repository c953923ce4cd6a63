// "Email me a sign-in link" end to end below the browser: the request is answered the same for
// any address, queues one email for a customer's address only, is rate-limited in Postgres, and
// the mail.send job delivers it (once) through nodemailer to a real local SMTP server, with a
// link that signs the customer in once.
import crypto from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";

// The app's env is read once: point SMTP_URL at a mailbox started before any app module loads.
const mailbox = await vi.hoisted(async () => {
  const { startMailbox } = await import("../../../scripts/lib/mailbox");
  const { freePort } = await import("../../../scripts/lib/free-port");
  const box = await startMailbox({ dir: (await import("node:fs")).mkdtempSync((await import("node:path")).join((await import("node:os")).tmpdir(), "encore-mail-")), smtpPort: await freePort(), httpPort: await freePort() });
  process.env.SMTP_URL = box.smtpUrl;
  return box;
});

const { redeemMagicLink } = await import("@/lib/auth/customer-session");
const { requestSignInLink, SIGN_IN_LINK_LIMITS } = await import("@/lib/auth/customer-sign-in");
const { db } = await import("@/lib/db/client");
const { sendEmailJob } = await import("@/lib/mail/jobs");
const { seedCustomer, seedOffer, seedPayment, seedProduct } = await import("@/tests/support/seed");
const { settleAttemptFromPayment } = await import("@/lib/checkout/charge-attempt");
const { inTransaction } = await import("@/lib/db/tx");

afterAll(() => mailbox.close());

type Stored = { to: string[]; subject: string; text: string };
const inbox = async (to: string): Promise<Stored[]> => (await fetch(`${mailbox.inboxUrl}/api/messages?to=${encodeURIComponent(to)}`)).json() as Promise<Stored[]>;
const ctx = { jobId: "t", attempt: 1, maxAttempts: 1, log: () => {} };
const ip = () => `10.0.${crypto.randomInt(255)}.${crypto.randomInt(255)}`;

describe("sign-in links by email", () => {
  it("answer a customer's and a stranger's address alike; only the customer's gets an email", async () => {
    const customer = await seedCustomer();
    const stranger = `nobody-${crypto.randomUUID()}@example.com`;
    const known = await requestSignInLink({ email: customer.email.toUpperCase() }, ip());
    const unknown = await requestSignInLink({ email: stranger }, ip());
    expect(known).toEqual({ ok: true, email: customer.email });
    expect(unknown).toEqual({ ok: true, email: stranger });
    expect(await db.outboundEmail.count({ where: { to: stranger } })).toBe(0);
    const [queued] = await db.outboundEmail.findMany({ where: { to: customer.email } });
    expect(queued).toMatchObject({ kind: "sign_in_link", sentAt: null });
    const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE key = ${`mail:${queued!.key}`}`;
    expect(jobs[0]!.n).toBe(1);
  });

  it("deliver the link through SMTP once, however often the job runs, and the link signs in once", async () => {
    const customer = await seedCustomer();
    await requestSignInLink({ email: customer.email, next: "/thank-you?order=abc" }, ip());
    const email = await db.outboundEmail.findFirstOrThrow({ where: { to: customer.email } });
    await sendEmailJob.run({ emailId: email.id }, ctx);
    await sendEmailJob.run({ emailId: email.id }, ctx);
    const mails = await inbox(customer.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Your sign-in link for Encore demo store");
    const token = new URL(/https?:\/\/\S+/.exec(mails[0]!.text)![0]).searchParams.get("token");
    expect(await redeemMagicLink(token)).toEqual({ ok: true, customerId: customer.id, next: "/thank-you?order=abc" });
    expect(await redeemMagicLink(token)).toMatchObject({ ok: false, code: "used" });
    expect((await db.outboundEmail.findUniqueOrThrow({ where: { id: email.id } })).sentAt).not.toBeNull();
  });

  it("are not sent once the link would arrive expired", async () => {
    const customer = await seedCustomer();
    await requestSignInLink({ email: customer.email }, ip(), new Date(Date.now() - 16 * 60_000));
    const email = await db.outboundEmail.findFirstOrThrow({ where: { to: customer.email } });
    await sendEmailJob.run({ emailId: email.id }, ctx);
    expect(await inbox(customer.email)).toEqual([]);
  });

  it(`are limited to ${SIGN_IN_LINK_LIMITS.perEmail} per address, whoever asks`, async () => {
    const customer = await seedCustomer();
    for (let i = 0; i < SIGN_IN_LINK_LIMITS.perEmail; i++) expect((await requestSignInLink({ email: customer.email }, ip())).ok).toBe(true);
    expect(await requestSignInLink({ email: customer.email }, ip())).toMatchObject({ ok: false, code: "rate_limited", message: expect.stringMatching(/Try again in \d+ minutes?/) });
    expect(await db.outboundEmail.count({ where: { to: customer.email } })).toBe(SIGN_IN_LINK_LIMITS.perEmail);
  });

  it("refuse a malformed address field by field, and never keep a next page that is not ours", async () => {
    expect(await requestSignInLink({ email: "not an email" }, ip())).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { email: [expect.any(String)] } });
    const customer = await seedCustomer();
    await requestSignInLink({ email: customer.email, next: "//evil.example.com/" }, ip());
    const email = await db.outboundEmail.findFirstOrThrow({ where: { to: customer.email } });
    expect(email.data).toMatchObject({ next: null });
  });
});

describe("one-click receipts", () => {
  it("are queued once when the charge succeeds, however often its payment is synced, and say what was added", async () => {
    const customer = await seedCustomer();
    const product = await seedProduct({ name: "Coaching call", price: 7920 });
    const offer = await seedOffer(product.id);
    const impression = await db.offerImpression.create({
      data: { customerId: customer.id, offerId: offer.id, placement: "THANK_YOU", priceAmount: 7920, listPriceAmount: 7920, currency: "USD", expiresAt: new Date(Date.now() + 600_000) },
    });
    const attempt = await db.chargeAttempt.create({ data: { impressionId: impression.id, customerId: customer.id, amount: 7920, currency: "USD", status: "SUBMITTED" } });
    const payment = await db.payment.update({ where: { id: (await seedPayment(customer.id, product.id, 7920)).id }, data: { checkoutSessionId: null } });
    const link = { id: attempt.id, impressionId: impression.id, status: attempt.status, dodoPaymentId: null, dodoCheckoutSessionId: null, errorCode: null };
    await inTransaction((tx) => settleAttemptFromPayment(tx, payment, link));
    await inTransaction((tx) => settleAttemptFromPayment(tx, payment, { ...link, status: "SUCCEEDED", dodoPaymentId: payment.id }));
    await inTransaction((tx) => settleAttemptFromPayment(tx, payment, link));
    const queued = await db.outboundEmail.findMany({ where: { to: customer.email } });
    expect(queued.map((e) => e.kind)).toEqual(["offer_charged"]);

    await sendEmailJob.run({ emailId: queued[0]!.id }, ctx);
    const [mail] = await inbox(customer.email);
    expect(mail!.subject).toBe("Added to your order: Coaching call");
    expect(mail!.text).toContain("Coaching call has been added to your order. We charged $79.20 to your Visa ending in 4242.");
    expect(mail!.text).toMatch(/Your account: http:\/\/\S+\/account\n/);
  });
});
