// The server-action wrappers: input read from the last argument and parsed, the caller
// authorised, unexpected errors logged with a request id and answered as a typed failure, and
// Next's redirect() let through. Cookies and headers are the one thing faked (there is no request here).
import crypto from "node:crypto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const jar = new Map<string, string>();
const head = new Headers();
vi.mock("next/headers", () => ({ cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }), headers: async () => head }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { redirect } = await import("next/navigation");
const { customerAction, merchantAction, publicAction } = await import("@/lib/actions/define");
const { merchantFormAction } = await import("@/lib/actions/form");
const { CUSTOMER_COOKIE, mintCustomerSession } = await import("@/lib/auth/customer-session");
const { MERCHANT_COOKIE, mintMerchantToken } = await import("@/lib/auth/merchant-token");
const { ensureMerchantUser } = await import("@/lib/auth/merchant-users");
const { db } = await import("@/lib/db/client");
const { fail, invalidFields, ok } = await import("@/lib/result");
const { fieldMessage } = await import("@/lib/forms/field-message");
const { redirectLogs } = await import("@/lib/log");
const { LOCALE_COOKIE } = await import("@/lib/i18n/locales");

const form = (fields: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) data.append(key, v);
  return data;
};
const echoFailure = (failure: { code: string; message: string; fieldErrors?: unknown }): unknown => ({ failed: failure.code, message: failure.message, fieldErrors: failure.fieldErrors });

let errors: Record<string, unknown>[];
let restoreLogs: () => void;
beforeEach(() => {
  jar.clear();
  head.delete("accept-language");
  errors = [];
  restoreLogs = redirectLogs((entry) => {
    if (entry.level === 50) errors.push(entry);
  });
});
afterEach(() => restoreLogs());

describe("publicAction", () => {
  const quantity = publicAction(z.object({ quantity: z.coerce.number().int().min(1, "At least one") }), {
    name: "test quantity",
    onFailure: echoFailure,
    run: async ({ quantity }) => ({ quantity }),
  });

  it("parses the last argument: a form post, a form behind useActionState's previous state, or a plain value", async () => {
    expect(await quantity(form({ quantity: "3" }))).toEqual({ quantity: 3 });
    expect(await quantity({ some: "previous state" }, form({ quantity: "4" }))).toEqual({ quantity: 4 });
    expect(await quantity({ quantity: 5 })).toEqual({ quantity: 5 });
  });

  it("answers input its schema refuses as invalid_input with field errors, without running", async () => {
    expect(await quantity(form({ quantity: "0" }))).toEqual({ failed: "invalid_input", message: "Please fix the highlighted fields.", fieldErrors: { quantity: ["At least one"] } });
    expect(await quantity("not a form")).toMatchObject({ failed: "invalid_input" });
    expect(await quantity()).toMatchObject({ failed: "invalid_input" });
  });

  it("logs an unexpected error with a request id and answers with a generic failure", async () => {
    const broken = publicAction(z.unknown(), { name: "test broken", onFailure: echoFailure, run: async () => { throw new Error("database on fire"); } });
    expect(await broken(form({}))).toEqual({ failed: "unexpected", message: "Something went wrong on our side. Please try again.", fieldErrors: undefined });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ component: "action", action: "test broken", msg: "action failed", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), err: { type: "Error", message: "database on fire" } });
  });

  it("lets Next's redirect through, from run and from onFailure", async () => {
    const away = publicAction(z.unknown(), { name: "test redirect", onFailure: echoFailure, run: async () => redirect("/elsewhere") });
    await expect(away(form({}))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    const strict = publicAction(z.object({ id: z.string() }), { name: "test redirect on failure", onFailure: () => redirect("/"), run: async () => "ran" });
    await expect(strict(form({}))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    expect(errors).toEqual([]);
  });
});

describe("input no action can use", () => {
  let ran = 0;
  const record = publicAction(z.unknown(), { name: "test record", onFailure: echoFailure, run: async (input) => { ran++; return { input }; } });
  beforeEach(() => { ran = 0; });

  it("refuses NUL and lone surrogates anywhere (fields, field names, lists, previous state) without running", async () => {
    const nested: unknown[] = [];
    let deep: unknown[] = nested;
    for (let i = 0; i < 100; i++) deep = [deep];
    const selfish: Record<string, unknown> = {};
    selfish.me = selfish;
    const file = form({ ok: "fine" });
    file.append("upload", new Blob(["x"]), "x.txt");
    for (const args of [
      [form({ impressionId: "imp_\u0000" })],
      [form({ "na\u0000me": "x" })],
      [["a", "\ud800"]],
      ["imp_\u0000x"],
      [{ nested: { list: ["ok", "\udfff"] } }],
      [{ attempt: "\u0000" }, form({ impressionId: "imp_1" })],
      [deep],
      [selfish],
      [file],
      [new Map([["a", "b"]])],
    ]) {
      const answer = await record(...args);
      expect(answer, JSON.stringify(args, (_k, v) => (v instanceof FormData ? [...v.entries()] : v === selfish ? "[self]" : v))).toMatchObject({ failed: "invalid_input", message: expect.stringMatching(/NUL|Unicode|nested too deeply|refers to itself|file upload|not a value a form can send/) });
    }
    expect(ran).toBe(0);
  });

  it("accepts any text a person types: quotes, <, &, emoji, accents, right-to-left marks", async () => {
    const text = `He said "<3" & left — déjà vu 😀 \u202eabc ' OR 1=1; --`;
    expect(await record(form({ headline: text }))).toEqual({ input: { headline: text } });
  });
});

describe("customerAction", () => {
  const whoAmI = customerAction(z.object({ note: z.string() }), {
    name: "test customer",
    onFailure: echoFailure,
    run: async ({ note }, { customer, requestId }) => ({ customerId: customer.id, note, requestId }),
  });

  it("answers signed_out without a valid session, and runs for the signed-in customer", async () => {
    expect(await whoAmI(form({ note: "hi" }))).toMatchObject({ failed: "signed_out" });
    jar.set(CUSTOMER_COOKIE, "forged.token");
    expect(await whoAmI(form({ note: "hi" }))).toMatchObject({ failed: "signed_out" });
    const customer = await db.customer.create({ data: { dodoCustomerId: `cus_${crypto.randomBytes(6).toString("hex")}`, email: "action@example.com" } });
    jar.set(CUSTOMER_COOKIE, mintCustomerSession(customer.id));
    expect(await whoAmI(form({ note: "hi" }))).toEqual({ customerId: customer.id, note: "hi", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

describe("merchant actions", () => {
  it("send anyone but a signed-in merchant to the sign-in page", async () => {
    const touch = merchantAction(z.unknown(), { name: "test merchant", onFailure: echoFailure, run: async (_input, { merchant }) => merchant.email });
    await expect(touch(form({}))).rejects.toMatchObject({ digest: expect.stringContaining("/merchant/sign-in") });
    const user = await ensureMerchantUser(`actions-${crypto.randomBytes(4).toString("hex")}@example.com`, "a-long-enough-password");
    const row = await db.merchantUser.findUniqueOrThrow({ where: { id: user.id } });
    jar.set(MERCHANT_COOKIE, mintMerchantToken(process.env.SESSION_SECRET!, row));
    expect(await touch(form({}))).toBe(user.email);
  });

  it("form actions refill the submitted values, count attempts and say what happened", async () => {
    const user = await ensureMerchantUser(`forms-${crypto.randomBytes(4).toString("hex")}@example.com`, "a-long-enough-password");
    jar.set(MERCHANT_COOKIE, mintMerchantToken(process.env.SESSION_SECRET!, await db.merchantUser.findUniqueOrThrow({ where: { id: user.id } })));
    const save = merchantFormAction("test save", z.object({ id: z.string() }), async ({ id }, { values }) =>
      values.name === "" ? fail("invalid_input", "Please fix the highlighted fields.", { name: ["Give it a name"] }) : ok({ id }),
    (saved) => `Saved ${saved.id}.`);
    const refused = await save({ attempt: 2, result: null, values: {} }, form({ id: "x1", name: "" }));
    expect(refused).toEqual({ attempt: 3, values: { id: "x1", name: "" }, result: { ok: false, code: "invalid_input", message: "Please fix the highlighted fields.", fieldErrors: { name: ["Give it a name"] } } });
    expect(await save(refused, form({ id: "x1", name: "Plan", tags: ["a", "b"] }))).toEqual({ attempt: 4, values: { id: "x1", name: "Plan", tags: ["a", "b"] }, result: { ok: true, message: "Saved x1." } });
  });

  it("form actions hand the service the console's language: the switch's cookie, else Accept-Language", async () => {
    const user = await ensureMerchantUser(`forms-${crypto.randomBytes(4).toString("hex")}@example.com`, "a-long-enough-password");
    jar.set(MERCHANT_COOKIE, mintMerchantToken(process.env.SESSION_SECRET!, await db.merchantUser.findUniqueOrThrow({ where: { id: user.id } })));
    const seen: string[] = [];
    const save = merchantFormAction("test locale", z.object({ id: z.string() }), async ({ id }, { locale }) => {
      seen.push(locale);
      return ok({ id });
    }, () => "ok");
    await save({ attempt: 0, result: null, values: {} }, form({ id: "x" }));
    head.set("accept-language", "pt-BR,pt;q=0.9");
    await save({ attempt: 0, result: null, values: {} }, form({ id: "x" }));
    jar.set(LOCALE_COOKIE, "en");
    await save({ attempt: 0, result: null, values: {} }, form({ id: "x" }));
    expect(seen).toEqual(["en", "pt-BR", "en"]);
  });

  it("form actions word a refusal's field messages, named by catalogue key, in the console's language", async () => {
    const user = await ensureMerchantUser(`forms-${crypto.randomBytes(4).toString("hex")}@example.com`, "a-long-enough-password");
    jar.set(MERCHANT_COOKIE, mintMerchantToken(process.env.SESSION_SECRET!, await db.merchantUser.findUniqueOrThrow({ where: { id: user.id } })));
    jar.set(LOCALE_COOKIE, "pt-BR");
    const save = merchantFormAction("test words", z.object({ id: z.string() }), async () => invalidFields({ name: [fieldMessage("console.fields.storeName")], other: ["As written"] }), () => "ok");
    expect((await save({ attempt: 0, result: null, values: {} }, form({ id: "x" }))).result).toEqual({ ok: false, code: "invalid_input", message: "Corrija os campos destacados.", fieldErrors: { name: ["Dê um nome à loja"], other: ["As written"] } });
  });
});
