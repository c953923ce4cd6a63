import { describe, expect, it } from "vitest";
import { accentShades, brandStyle, contrastWithWhite, DEFAULT_BRAND } from "@/lib/store/brand";
import { isAllowedImageUrl, shownImage } from "@/lib/store/images";

describe("accent shades", () => {
  it("keep a dark accent as it is and give buttons and links 4.5:1 on white", () => {
    const shades = accentShades("#1d4ed8");
    expect(shades["500"]).toBe("#1d4ed8");
    expect(shades["600"]).toBe("#1d4ed8");
    expect(contrastWithWhite(shades["700"])).toBeGreaterThan(contrastWithWhite(shades["600"]));
  });
  it("darken a pale accent until white text on it reads", () => {
    for (const pale of ["#ffff00", "#a3e635", "#ffffff", "#fde68a"]) {
      const shades = accentShades(pale);
      expect(shades["500"]).toBe(pale);
      expect(contrastWithWhite(shades["600"])).toBeGreaterThanOrEqual(4.5);
      expect(contrastWithWhite(shades["700"])).toBeGreaterThanOrEqual(4.5);
    }
  });
  it("tints 50 and 100 towards white, and fall back to the default for a malformed colour", () => {
    expect(accentShades("#000000")["50"]).toBe("#f0f0f0");
    expect(accentShades("red; background:url(x)")).toEqual(accentShades(DEFAULT_BRAND.accentColor));
    expect(brandStyle({ accentColor: "#1d4ed8" })).toMatchObject({ "--color-brand-500": "#1d4ed8", "--color-brand-600": "#1d4ed8" });
  });
});

describe("image URLs", () => {
  const env = { appUrl: "https://shop.example.com", imageOrigins: ["https://cdn.example.net"] };
  it("are shown from the app and the listed origins only", () => {
    expect(isAllowedImageUrl("https://shop.example.com/logo.png", env)).toBe(true);
    expect(isAllowedImageUrl("https://cdn.example.net/a/b.webp?x=1", env)).toBe(true);
    expect(isAllowedImageUrl("https://evil.example.org/pixel.gif", env)).toBe(false);
    expect(isAllowedImageUrl("http://cdn.example.net/a.png", env)).toBe(false);
    expect(isAllowedImageUrl("https://user:pw@cdn.example.net/a.png", env)).toBe(false);
    expect(isAllowedImageUrl("javascript:alert(1)", env)).toBe(false);
    expect(isAllowedImageUrl("/logo.png", env)).toBe(false);
    expect(shownImage(null, env)).toBeNull();
    expect(shownImage("https://evil.example.org/x.png", env)).toBeNull();
  });
});
