// SQL statements this process sends, counted at the pg driver: every pg.Client's query(), so
// Prisma's adapter (@prisma/adapter-pg), graphile-worker and plain pg pools alike, BEGIN/COMMIT
// included. Used by bench/journey.ts and bench/webhooks.ts.
import pg from "pg";

export type StatementCounter = {
  count: () => number;
  reset: () => void;
  texts: () => string[];
  /** Puts pg.Client.prototype.query back, so later measurements pay nothing for the counting. */
  stop: () => void;
};

/** SQL statements this process sends (BEGIN/COMMIT included), counted at the pg driver. */
export function countStatements(): StatementCounter {
  let texts: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: Parameters<typeof query>) {
    const [config] = args as unknown[];
    texts.push(typeof config === "string" ? config : String((config as { text?: string } | undefined)?.text));
    return query.apply(this, args);
  } as typeof query;
  return {
    count: () => texts.length,
    reset: () => void (texts = []),
    texts: () => texts,
    stop: () => void (pg.Client.prototype.query = query),
  };
}
