// Server-action requests as the proxy sees them, before Next decodes them. Next answers 500 for
// anything it cannot decode (bad JSON, 5,000-deep nesting, unknown references, a body over
// serverActions.bodySizeLimit, an Origin it cannot parse) and our action code never runs; so the
// proxy refuses those here with 4xx. What is accepted is the subset of React's reply encoding
// (react-server-dom's processReply, which Next's client uses to send action arguments) that our
// actions receive: plain JSON values, Dates, BigInts, undefined and FormData — never client
// references, Maps, Sets, blobs, streams or files.
import { INPUT_LIMITS, textProblem } from "./unusable-input";

/** Next's default serverActions.bodySizeLimit (next.config.ts keeps it); bodies above it get 413. */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
/** Our actions take at most (previous state, form); Next itself allows 1,000 arguments. */
const MAX_ARGS = 8;

/**
 * Why a request is refused. `message` is the precise reason, for the developer reading a plain-text
 * answer (English); a person's page words `reason` in their language (lib/http/refusal-text.ts).
 */
export type RefusalReason = "address" | "parameter" | "unreadable" | "other_site" | "too_large";
export type Refusal = { status: 400 | 403 | 413; reason: RefusalReason; message: string };

const bad = (message: string): Refusal => ({ status: 400, reason: "unreadable", message });

export type ActionKind = "fetch" | "form" | null;

/** How Next would treat this request (its getServerActionRequestMetadata): a fetch action, a no-JS form action, or neither. */
export function actionKind(method: string, headers: Headers): ActionKind {
  if (method !== "POST") return null;
  if (headers.get("next-action") !== null) return "fetch";
  return headers.get("content-type")?.startsWith("multipart/form-data") ? "form" : null;
}

/** Next's CSRF check (Origin against X-Forwarded-Host or Host) answers 500 when it fails; we answer 403 first. */
export function originRefusal(headers: Headers): Refusal | null {
  const origin = headers.get("origin");
  if (origin === null) return null; // Next lets these through (no browser sends an action without Origin).
  let originHost: string;
  try {
    originHost = origin === "null" ? "null" : new URL(origin).host;
  } catch {
    return { status: 403, reason: "other_site", message: "This request's Origin header is malformed." };
  }
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
  return host && originHost === host ? null : { status: 403, reason: "other_site", message: "This form was sent from another site." };
}

type Rows = (id: number) => unknown | undefined;

const REFERENCE = /^\$(@)?([0-9a-f]+)((?::[^:]*)*)$/;

/**
 * Checks one decoded reply model: every string is text we can use, every "$…" marker is one we
 * accept, and every reference points at a row the request contains and a path inside it.
 */
function checkModel(root: unknown, rows: Rows): Refusal | null {
  let values = 0;
  const visitedRows = new Set<number>();
  const walk = (value: unknown, depth: number): Refusal | null => {
    if (++values > INPUT_LIMITS.maxValues) return bad("The request has too many values.");
    if (depth > INPUT_LIMITS.maxDepth) return bad("The request is nested too deeply.");
    if (typeof value === "string") return checkString(value, depth);
    if (value === null || typeof value !== "object") return null;
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
    for (const [key, entry] of entries) {
      const problem = textProblem(key);
      if (problem) return bad(`A field name ${problem}.`);
      const found = walk(entry, depth + 1);
      if (found) return found;
    }
    return null;
  };
  const checkString = (text: string, depth: number): Refusal | null => {
    const problem = textProblem(text);
    if (problem) return bad(`A value ${problem}.`);
    if (!text.startsWith("$")) return null;
    if (text.startsWith("$$")) return null;
    if (["$undefined", "$-0", "$Infinity", "$-Infinity", "$NaN"].includes(text)) return null;
    if (/^\$D/.test(text)) return null;
    if (/^\$n-?\d{1,300}$/.test(text)) return null;
    if (/^\$K[0-9a-f]{1,8}$/.test(text)) return null;
    const ref = REFERENCE.exec(text);
    if (!ref) return bad("The request contains a value this app does not accept.");
    const id = Number.parseInt(ref[2]!, 16);
    let target = rows(id);
    if (target === undefined) return bad("The request refers to a part it does not contain.");
    for (const key of (ref[3] ?? "").split(":").slice(1)) {
      if (target === null || typeof target !== "object" || !Object.prototype.hasOwnProperty.call(target, key)) {
        return bad("The request refers to a part it does not contain.");
      }
      target = (target as Record<string, unknown>)[key];
    }
    if (visitedRows.has(id)) return null;
    visitedRows.add(id);
    return walk(rows(id), depth + 1);
  };
  return walk(root, 0);
}

function parseRow(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** Rows of a multipart reply: fields whose name is `${prefix}<decimal id>`, parsed lazily. */
function rowsOf(form: FormData, prefix: string): { rows: Rows; error: () => Refusal | null } {
  const cache = new Map<number, unknown>();
  let failure: Refusal | null = null;
  const rows: Rows = (id) => {
    if (cache.has(id)) return cache.get(id);
    const raw = form.get(`${prefix}${id}`);
    if (typeof raw !== "string") return undefined;
    const parsed = parseRow(raw);
    if (!parsed.ok) {
      failure ??= bad("The request is not valid JSON.");
      cache.set(id, null);
      return null;
    }
    cache.set(id, parsed.value);
    return parsed.value;
  };
  return { rows, error: () => failure };
}

function checkArgs(args: unknown, rows: Rows, error: () => Refusal | null): Refusal | null {
  if (!Array.isArray(args)) return bad("The request's arguments are not a list.");
  if (args.length > MAX_ARGS) return bad("The request has too many arguments.");
  return checkModel(args, rows) ?? error();
}

function checkFields(form: FormData, isReplyField: (name: string) => boolean): Refusal | null {
  for (const [name, value] of form.entries()) {
    const problem = textProblem(name);
    if (problem) return bad(`A field name ${problem}.`);
    if (typeof value !== "string") return bad("File uploads are not accepted here.");
    if (isReplyField(name)) continue;
    const valueProblem = textProblem(value);
    if (valueProblem) return bad(`The field "${name.slice(0, 60)}" ${valueProblem}.`);
  }
  return null;
}

/** A fetch action's body (Next-Action header): a JSON reply, or a multipart one. */
export async function checkFetchActionBody(contentType: string, body: Uint8Array): Promise<Refusal | null> {
  if (contentType.startsWith("multipart/form-data")) {
    const form = await formDataOf(contentType, body);
    if (!form) return bad("The request's form data is malformed.");
    // Rows are "<id>"; FormData arguments arrive as "_<id>_<field>".
    const fieldError = checkFields(form, (name) => /^\d+$/.test(name));
    if (fieldError) return fieldError;
    for (const name of form.keys()) {
      if (!/^\d+$/.test(name) && !/^_\d+_/.test(name)) return bad("The request's form data is malformed.");
    }
    const { rows, error } = rowsOf(form, "");
    const root = rows(0);
    if (root === undefined) return bad("The request has no arguments.");
    return checkArgs(root, rows, error);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return bad("The request is not valid UTF-8.");
  }
  const parsed = parseRow(text);
  if (!parsed.ok) return bad("The request is not valid JSON.");
  return checkArgs(parsed.value, (id) => (id === 0 ? parsed.value : undefined), () => null);
}

/**
 * A form posted without JavaScript. React encodes the action in `$ACTION_ID_<id>` fields, or for
 * a form with state in `$ACTION_REF_<n>` plus JSON rows `$ACTION_<n>:<id>` (row 0: `{ id, bound }`).
 * The other fields are the form's own.
 */
export async function checkFormActionBody(contentType: string, body: Uint8Array): Promise<Refusal | null> {
  const form = await formDataOf(contentType, body);
  if (!form) return bad("The form data is malformed.");
  const fieldError = checkFields(form, (name) => /^\$ACTION_\d+:\d+$/.test(name));
  if (fieldError) return fieldError;
  for (const name of form.keys()) {
    const ref = /^\$ACTION_REF_(\d+)$/.exec(name);
    if (!ref) continue;
    const { rows, error } = rowsOf(form, `$ACTION_${ref[1]}:`);
    const descriptor = rows(0);
    if (descriptor === null || typeof descriptor !== "object" || Array.isArray(descriptor) || typeof (descriptor as { id?: unknown }).id !== "string") {
      return error() ?? bad("The form's action is malformed.");
    }
    const found = checkModel(descriptor, rows) ?? error();
    if (found) return found;
    const bound = (descriptor as { bound?: unknown }).bound;
    if (bound !== null && bound !== undefined && typeof bound !== "string") return bad("The form's action is malformed.");
  }
  return null;
}

async function formDataOf(contentType: string, body: Uint8Array): Promise<FormData | null> {
  try {
    return await new Request("http://encore.invalid/", { method: "POST", headers: { "content-type": contentType }, body: body as Uint8Array<ArrayBuffer> }).formData();
  } catch {
    return null;
  }
}
