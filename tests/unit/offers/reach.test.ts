import { describe, expect, it } from "vitest";
import { offerReach, showsOnAccountPage } from "@/lib/offers/reach";

describe("where an offer shows", () => {
  const offer = (kind: "UPSELL" | "CROSS_SELL", triggerProductIds: string[] = [], active = true) => ({ kind, triggerProductIds, active });

  it("puts cross-sells with trigger products on the account page, funnel or not", () => {
    expect(showsOnAccountPage(offer("CROSS_SELL", ["pdt_a"]))).toBe(true);
    expect(showsOnAccountPage(offer("CROSS_SELL"))).toBe(false); // catch-all: only a funnel knows the purchase
    expect(showsOnAccountPage(offer("UPSELL", ["pdt_a"]))).toBe(false);
    expect(offerReach(offer("CROSS_SELL", ["pdt_a"]), 0)).toMatchObject({ shown: true, account: true, summary: expect.stringMatching(/^Shown on the account page/) });
    expect(offerReach(offer("CROSS_SELL", ["pdt_a"]), 2).summary).toBe("Shown after checkout in 2 funnel steps and on customers' account pages.");
  });

  it("says what to do when an offer shows nowhere, and that a paused one shows nowhere", () => {
    expect(offerReach(offer("UPSELL"), 0)).toMatchObject({ shown: false, summary: "Not shown yet: add it to a funnel step to offer it after checkout." });
    expect(offerReach(offer("CROSS_SELL"), 0).summary).toMatch(/pick trigger products/);
    expect(offerReach(offer("UPSELL"), 1).summary).toBe("Shown after checkout in 1 funnel step.");
    expect(offerReach(offer("CROSS_SELL", ["pdt_a"], false), 3)).toMatchObject({ shown: false, summary: "Paused: shown nowhere until you resume it." });
  });
});
