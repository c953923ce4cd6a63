// `npm run bench`: runs every benchmark in bench/ one after another and prints its figures.
// Benchmarks hold our speed and memory targets; unit tests never time anything.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./lib/database";

const dir = path.join(REPO_ROOT, "bench");
const filter = process.argv[2];
const files = fs.readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.startsWith("_") && (!filter || f.includes(filter))).sort();
for (const file of files) {
  console.log(`\n━━ bench/${file} ━━`);
  const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { run: () => Promise<void> };
  await mod.run();
}
process.exit(0);
