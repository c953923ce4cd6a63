// Which Chromium Playwright drives: an explicit PLAYWRIGHT_CHROMIUM_PATH, else Debian's
// /usr/bin/chromium, else Playwright's own downloaded browser (for people with internet).
import fs from "node:fs";
import { chromium } from "@playwright/test";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function chromiumExecutable(): string | undefined {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (explicit) {
    if (!fs.existsSync(explicit)) throw new Error(`PLAYWRIGHT_CHROMIUM_PATH=${explicit} does not exist.`);
    return explicit;
  }
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (fs.existsSync(candidate)) return candidate;
  }
  if (fs.existsSync(chromium.executablePath())) return undefined; // Playwright's own browser
  throw new Error(
    "No Chromium found for the end-to-end tests. Install one: `sudo apt-get install -y chromium` (Debian/Ubuntu), " +
      "or `npx playwright install chromium` where you have internet, or set PLAYWRIGHT_CHROMIUM_PATH.",
  );
}
