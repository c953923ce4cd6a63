// The prompt is drawn in the store's branding: its name and its button shade (readable on white).
import { describe, expect, it } from "vitest";
import { embedStore } from "@/lib/moments/embed";
import { accentShades, contrastWithWhite, DEFAULT_BRAND } from "@/lib/store/brand";
import { storeBrand } from "@/lib/store/settings";

describe("the embed's store branding", () => {
  it("is the store's name and its accent's button shade", async () => {
    const brand = await storeBrand();
    const store = await embedStore();
    expect(store).toEqual({ name: brand.name, accent: accentShades(brand.accentColor)["600"] });
    expect(contrastWithWhite(store.accent)).toBeGreaterThanOrEqual(4.5);
  });

  it("darkens a pale accent so the prompt's white button text stays readable", () => {
    const pale = accentShades("#fde68a")["600"];
    expect(pale).not.toBe("#fde68a");
    expect(contrastWithWhite(pale)).toBeGreaterThanOrEqual(4.5);
    expect(accentShades(DEFAULT_BRAND.accentColor)["500"]).toBe(DEFAULT_BRAND.accentColor);
  });
});
