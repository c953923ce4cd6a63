import { describe, expect, it } from "vitest";
import { add, CurrencyMismatchError, discountBps, formatMoney, formatSigned, minorUnitDigits, money, subtract, sum } from "@/lib/money/money";

describe("money", () => {
  it("formats two-, zero- and three-decimal currencies from minor units", () => {
    expect(formatMoney(money(123450, "USD"))).toBe("$1,234.50");
    expect(formatMoney(money(1235, "JPY"))).toBe("¥1,235");
    expect(formatMoney(money(1234, "KWD")).replace(/\s/g, " ")).toBe("KWD 1.234");
    expect(formatMoney(money(123456, "BRL"))).toBe("R$1,234.56");
    expect(formatMoney(money(123456, "BRL"), "en")).toBe("R$1,234.56");
  });

  // Intl separates the symbol with a no-break space (U+00A0), so the amount never wraps apart.
  const plain = (s: string) => s.replace(/\u00a0/g, " ");

  it("formats in Brazilian Portuguese: comma decimals, dot thousands, two, zero and three decimals", () => {
    expect(plain(formatMoney(money(123456, "BRL"), "pt-BR"))).toBe("R$ 1.234,56");
    expect(plain(formatMoney(money(1235, "JPY"), "pt-BR"))).toBe("JP¥ 1.235");
    expect(plain(formatMoney(money(1234, "KWD"), "pt-BR"))).toBe("KWD 1,234");
    expect(plain(formatMoney(money(1234567, "KWD"), "pt-BR"))).toBe("KWD 1.234,567");
    expect(plain(formatMoney(money(123450, "USD"), "pt-BR"))).toBe("US$ 1.234,50");
    expect(plain(formatSigned(money(-5000, "BRL"), "pt-BR"))).toBe("−R$ 50,00");
  });

  it("knows minor-unit digits", () => {
    expect(minorUnitDigits("USD")).toBe(2);
    expect(minorUnitDigits("jpy")).toBe(0);
    expect(minorUnitDigits("BHD")).toBe(3);
  });

  it("adds and subtracts in one currency only", () => {
    expect(add(money(100, "USD"), money(250, "usd"))).toEqual({ amount: 350, currency: "USD" });
    expect(subtract(money(100, "USD"), money(250, "USD")).amount).toBe(-150);
    expect(sum("JPY", [money(1, "JPY"), money(2, "JPY")]).amount).toBe(3);
    expect(() => add(money(1, "USD"), money(1, "EUR"))).toThrow(CurrencyMismatchError);
  });

  it("rejects fractional amounts and bad codes", () => {
    expect(() => money(1.5, "USD")).toThrow(RangeError);
    expect(() => money(1, "US")).toThrow(RangeError);
  });

  it("applies basis-point discounts with half-up rounding", () => {
    expect(discountBps(money(4900, "USD"), 2000).amount).toBe(3920);
    expect(discountBps(money(999, "USD"), 1500).amount).toBe(849); // 149.85 → 150 off
    expect(discountBps(money(100, "JPY"), 10_000).amount).toBe(0);
    expect(() => discountBps(money(100, "USD"), 10_001)).toThrow(RangeError);
  });

  it("formats signed differences", () => {
    expect(formatSigned(money(5000, "USD"))).toBe("+$50.00");
    expect(formatSigned(money(-1000, "USD"))).toBe("−$10.00");
    expect(formatSigned(money(0, "USD"))).toBe("$0.00");
  });
});
