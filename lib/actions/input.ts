// What a server action receives, made into a value its schema can parse. Every action wrapper
// (define.ts) reads its input through here first, so checks that apply to every action live in
// this one place: text that cannot be stored (NUL) or is not Unicode, values no form sends
// (uploads, class instances, promises, references to themselves), absurd nesting or size. Bodies
// Next cannot even decode never get this far: the proxy refuses them (lib/http/edge.ts).
import { formValues } from "@/lib/forms/state";
import { describeInputProblem, findInputProblem } from "@/lib/http/unusable-input";
import { fail, type Failure } from "@/lib/result";

export type ActionInput = { ok: true; value: unknown } | Failure<"invalid_input">;

/**
 * The input of an action called with `args`: its last argument, FormData made plain values
 * (repeated fields as lists), anything else handed on for the schema to judge. Every argument is
 * checked, the previous form state too.
 */
export function readActionInput(args: unknown[]): ActionInput {
  const problem = findInputProblem(args);
  if (problem) {
    const message = describeInputProblem({ ...problem, path: problem.path.replace(/^input\[\d+\]/, "input") });
    return fail("invalid_input", message, { _form: [message] });
  }
  const raw = args.at(-1);
  return { ok: true, value: raw instanceof FormData ? formValues(raw) : raw };
}
