import type { SandboxCore } from "../core";
import { lapseAuthentications } from "./authentication";
import { expireDueGrants } from "./credit-cycles";
import { runDueRenewals } from "./renewals";

/**
 * Everything that falls due by sandbox time, run before each API call and after each clock move:
 * authentications that lapsed, credit grants past their expiry, then renewals (oldest first). Answers the number of renewals run.
 */
export function runDueWork(core: SandboxCore): number {
  lapseAuthentications(core);
  expireDueGrants(core);
  return runDueRenewals(core);
}
