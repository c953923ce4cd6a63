import { describe, expect, it } from "vitest";
import { parseFeatureLines, valueChange } from "@/lib/plans/value";
import { earnedPopularPlan } from "@/lib/plans/popular";
import { earnedBadgeText } from "@/lib/offers/social-proof-rules";

describe("plan value", () => {
  it("lists what a move gains and loses, matching features whatever their spacing or case", () => {
    expect(valueChange(["5 projects", "Email support"], ["Unlimited projects", "email  support", "Phone support"])).toEqual({ gains: ["Unlimited projects", "Phone support"], losses: ["5 projects"] });
    expect(valueChange([], [])).toEqual({ gains: [], losses: [] });
  });

  it("reads one feature per line, dropping blanks and repeats", () => {
    expect(parseFeatureLines(" A \n\nB\r\na\n  C  D ")).toEqual(["A", "B", "C D"]);
  });
});

describe("earned badges", () => {
  it("names the most popular upgrade only from 20 upgrades with a clear leader", () => {
    expect(earnedPopularPlan(new Map([["pro", 19]]))).toBeNull();
    expect(earnedPopularPlan(new Map([["pro", 20]]))).toBe("pro");
    expect(earnedPopularPlan(new Map([["pro", 11], ["basic", 9]]))).toBe("pro"); // leads by 2 of 20 = 10%
    expect(earnedPopularPlan(new Map([["pro", 11], ["basic", 10]]))).toBeNull(); // 1 of 21: no clear leader
    expect(earnedPopularPlan(new Map())).toBeNull();
  });

  it("states the real take rate only from 100 shown and 10 accepted", () => {
    expect(earnedBadgeText(99, 50)).toBeNull();
    expect(earnedBadgeText(100, 9)).toBeNull();
    expect(earnedBadgeText(100, 10)).toBe("Chosen by 10% of customers who saw it");
    expect(earnedBadgeText(300, 71)).toBe("Chosen by 24% of customers who saw it");
    expect(earnedBadgeText(300, 71, "pt-BR")).toBe("Escolhido por 24% dos clientes que viram esta oferta");
  });
});
