// What no input may carry, wherever it enters (the proxy's edge checks, the action wrapper's
// readActionInput, the route wrapper): text PostgreSQL cannot store (a NUL character) or that is
// not Unicode (a lone UTF-16 surrogate, which no browser sends), values nested deeper or more
// numerous than any form of ours produces, and uploads (no action or route takes a file).
// Client-safe: no server imports.

export const INPUT_LIMITS = { maxDepth: 32, maxValues: 20_000 } as const;

// In a /u regex a well-formed surrogate pair is one code point, so \p{Cs} matches only lone halves.
const LONE_SURROGATE = /\p{Cs}/u;

/** Why this text cannot be used, or null. */
export function textProblem(text: string): string | null {
  if (text.includes("\u0000")) return "contains a NUL character";
  if (LONE_SURROGATE.test(text)) return "is not valid Unicode text";
  return null;
}

export type InputProblem = { path: string; problem: string };

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/**
 * The first problem in a value made of what forms and JSON carry (strings, numbers, booleans,
 * null/undefined, plain objects, arrays, FormData, Dates), or null. Keys are text too.
 */
export function findInputProblem(value: unknown, limits: { maxDepth: number; maxValues: number } = INPUT_LIMITS): InputProblem | null {
  let seen = 0;
  const visiting = new Set<object>();
  const walk = (v: unknown, path: string, depth: number): InputProblem | null => {
    if (++seen > limits.maxValues) return { path, problem: "has too many values" };
    if (depth > limits.maxDepth) return { path, problem: "is nested too deeply" };
    if (typeof v === "string") {
      const problem = textProblem(v);
      return problem ? { path, problem } : null;
    }
    if (v === null || v === undefined || typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return null;
    if (typeof v !== "object") return { path, problem: "is not a value a form can send" };
    if (v instanceof Date) return null;
    if (visiting.has(v)) return { path, problem: "refers to itself" };
    visiting.add(v);
    try {
      if (v instanceof FormData) {
        for (const [key, entry] of v.entries()) {
          const keyProblem = textProblem(key);
          if (keyProblem) return { path, problem: `has a field name that ${keyProblem}` };
          if (typeof entry !== "string") return { path: `${path}.${key}`, problem: "is a file upload, which is not accepted here" };
          const found = walk(entry, `${path}.${key}`, depth + 1);
          if (found) return found;
        }
        return null;
      }
      if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) {
          const found = walk(v[i], `${path}[${i}]`, depth + 1);
          if (found) return found;
        }
        return null;
      }
      if (!isPlainObject(v)) return { path, problem: "is not a value a form can send" };
      for (const [key, entry] of Object.entries(v)) {
        const keyProblem = textProblem(key);
        if (keyProblem) return { path, problem: `has a field name that ${keyProblem}` };
        const found = walk(entry, `${path}.${key}`, depth + 1);
        if (found) return found;
      }
      return null;
    } finally {
      visiting.delete(v);
    }
  };
  return walk(value, "input", 0);
}

/** The message shown for unusable input: which field and why, never the value itself. */
export function describeInputProblem({ path, problem }: InputProblem): string {
  const field = path.replace(/^input\.?/, "");
  return field ? `The field "${field.slice(0, 60)}" ${problem}.` : `The request ${problem}.`;
}
