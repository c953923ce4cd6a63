// The store's branding: name, logo, accent colour and support email. The merchant sets them in the
// console (lib/store/settings.ts stores them); these are the defaults and the pure helpers the store's
// React pages, the plain HTML pages of route handlers (lib/http/problem-page.ts) and the emails share,
// so all of them look like one store. Client-safe: no I/O here.

export type StoreBrand = {
  name: string;
  /** An image URL allowed by IMAGE_ORIGINS (lib/store/images.ts), or null for the name alone. */
  logoUrl: string | null;
  /** #rrggbb. */
  accentColor: string;
  supportEmail: string | null;
};

export const DEFAULT_BRAND: StoreBrand = { name: "Encore demo store", logoUrl: null, accentColor: "#7c3aed", supportEmail: null };

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

type Rgb = [number, number, number];

const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hexOf = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0")).join("")}`;
const mix = (a: Rgb, b: Rgb, share: number): Rgb => a.map((c, i) => c * (1 - share) + b[i]! * share) as Rgb;

/** WCAG relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG contrast ratio of a colour against white. */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (luminance(rgbOf(hex)) + 0.05);
}

const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [0, 0, 0];

/** The colour darkened just enough for white text on it (and it as text on white) to read: 4.5:1. */
function readable(rgb: Rgb): Rgb {
  let out = rgb;
  for (let share = 0.05; contrastWithWhite(hexOf(out)) < 4.5 && share <= 1; share += 0.05) out = mix(rgb, BLACK, share);
  return out;
}

/**
 * The store's shades of its accent colour, as the CSS variables the store's styles use (brand-50 …
 * brand-700). 600 (buttons, white text on it) and 700 (links on white) are darkened until they read
 * at 4.5:1 whatever colour the merchant picks, so a pale accent cannot make the store unreadable.
 */
export function accentShades(accent: string): Record<"50" | "100" | "500" | "600" | "700", string> {
  const base = rgbOf(HEX_COLOUR.test(accent) ? accent : DEFAULT_BRAND.accentColor);
  const strong = readable(base);
  return {
    "50": hexOf(mix(WHITE, base, 0.06)),
    "100": hexOf(mix(WHITE, base, 0.14)),
    "500": hexOf(base),
    "600": hexOf(strong),
    "700": hexOf(mix(strong, BLACK, 0.18)),
  };
}

/** The accent as a style attribute's CSS variables (React `style`, allowed by the CSP's style-src-attr). */
export function brandStyle(brand: Pick<StoreBrand, "accentColor">): Record<string, string> {
  return Object.fromEntries(Object.entries(accentShades(brand.accentColor)).map(([shade, hex]) => [`--color-brand-${shade}`, hex]));
}
