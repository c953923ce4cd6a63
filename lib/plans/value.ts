// What a plan move gains and loses, from what the merchant lists each plan as including
// (Product.features). Pure: the plan page, upgrade offers and the server API all use it.

export type ValueChange = { gains: string[]; losses: string[] };

const key = (feature: string) => feature.trim().replace(/\s+/g, " ").toLowerCase();

/** Features of `to` that `from` lacks (gains) and of `from` that `to` lacks (losses), in the merchant's order and wording. */
export function valueChange(from: readonly string[], to: readonly string[]): ValueChange {
  const had = new Set(from.map(key));
  const will = new Set(to.map(key));
  return { gains: to.filter((f) => !had.has(key(f))), losses: from.filter((f) => !will.has(key(f))) };
}

/** The features typed into the console, one per line: blanks dropped, duplicates kept once. */
export function parseFeatureLines(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const f = line.trim().replace(/\s+/g, " ");
    if (f && !seen.has(key(f))) {
      seen.add(key(f));
      out.push(f);
    }
  }
  return out;
}
