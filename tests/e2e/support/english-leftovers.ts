// Finds English left on a page shown in another language: every fixed fragment of the English
// catalogue (the words between a message's {placeholders}) that the other language words
// differently, plus common English words, in the page's text with merchant-written copy
// ([data-merchant-copy]: product names, offer headlines) taken out.
import fs from "node:fs";
import path from "node:path";
import { expect, type Locator, type Page } from "@playwright/test";
import { flatten as leaves, type Catalogue } from "../../../scripts/lib/i18n-check";

const catalogue = (locale: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../../../messages", `${locale}.json`), "utf8")) as Catalogue;
const en = catalogue("en");
const ptBR = catalogue("pt-BR");

/** Literal runs of a message outside {…} arguments and <tags>, of three words or more; code (<code>…</code>) is no language. */
function fragments(message: string): string[] {
  let depth = 0;
  let text = "";
  for (const ch of message) {
    if (ch === "{") depth += 1;
    if (depth === 0) text += ch;
    else if (ch === "}") {
      depth -= 1;
      if (depth === 0) text += "\u0000";
    }
  }
  return text
    .replace(/<code>.*?<\/code>/g, "\u0000")
    .replace(/<\/?\w+>/g, "\u0000")
    .split("\u0000")
    .map((s) => s.trim().replace(/^[^\p{L}]+|[^\p{L}]+$/gu, ""))
    .filter((s) => s.split(/\s+/).length >= 3);
}

const ptMessages = leaves(ptBR);
/** English fragments that must not appear on a Portuguese page. */
export const ENGLISH_FRAGMENTS = [...new Set([...leaves(en)].filter(([key, m]) => ptMessages.get(key) !== m).flatMap(([, m]) => fragments(m)))];

// Words that are English and never Portuguese (so not "for", which Portuguese has, nor "Item", "upgrade" or "checkout", which Brazilian
// Portuguese uses as they are, are not listed).
const ENGLISH_WORDS = /\b(the|your|you|and|with|this|that|is|are|was|will|order|thank|thanks|sign|account|products?|payment|now|next|back|buy|accept|change|plans?|card|ending|added|processing)\b/i;

export async function visibleTextWithoutMerchantCopy(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    // Code (event types such as payment.succeeded, headers, snippets) is no language.
    body.querySelectorAll("[data-merchant-copy], code, script, style, noscript, template").forEach((n) => n.remove());
    // What is marked up as another language on purpose: the language switch names English in
    // English; a failure's technical detail (an event's error, a delivery's) is stored as it was.
    body.querySelectorAll("[lang]").forEach((n) => n.getAttribute("lang") !== document.documentElement.lang && n.remove());
    document.body.after(body);
    body.style.position = "absolute";
    const text = body.innerText;
    body.remove();
    const labels = [...document.querySelectorAll("[aria-label]")].map((n) => n.getAttribute("aria-label") ?? "");
    return [document.title, text, ...labels].join("\n");
  });
}

/** Fails with the English found on the page (as it is now) and the page's address. */
export async function expectNoEnglish(page: Page, where: string): Promise<void> {
  await expect(page.locator("html")).toHaveAttribute("lang", "pt-BR");
  const text = await visibleTextWithoutMerchantCopy(page);
  const found = ENGLISH_FRAGMENTS.filter((f) => text.includes(f));
  const words = text.split("\n").filter((line) => ENGLISH_WORDS.test(line.replace(/[\w.+-]+@[\w.-]+/g, "")));
  expect({ where, catalogueFragments: found, linesWithEnglishWords: words }).toEqual({ where, catalogueFragments: [], linesWithEnglishWords: [] });
}

/**
 * The same check inside one element (e.g. the embed prompt's shadow root, which a page's own text
 * leaves out), with the merchant's words given (`merchantCopy`) taken out.
 */
export async function expectNoEnglishIn(element: Locator, where: string, merchantCopy: string[] = []): Promise<void> {
  let text = await element.innerText();
  const labels = await element.locator("[aria-label]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("aria-label") ?? ""));
  text = [text, ...labels, (await element.getAttribute("aria-label")) ?? ""].join("\n");
  for (const copy of merchantCopy) text = text.split(copy).join("");
  const found = ENGLISH_FRAGMENTS.filter((f) => text.includes(f));
  const words = text.split("\n").filter((line) => ENGLISH_WORDS.test(line.replace(/[\w.+-]+@[\w.-]+/g, "")));
  expect({ where, catalogueFragments: found, linesWithEnglishWords: words }).toEqual({ where, catalogueFragments: [], linesWithEnglishWords: [] });
}
