"use client";
import { useLocale, useTranslations } from "next-intl";
import { createContext, useContext, useId, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { formatMoney, money, type Money } from "@/lib/money/money";

// How many units of the offer the customer takes (the merchant allows 1..maxQuantity). The price on
// the impression is per unit; the accept button, the checkout fallback and the total all read the
// same choice, and the server checks it again against the offer before charging.

type Quantity = { quantity: number; setQuantity: (n: number) => void; max: number; unit: Money; unitText: string };

const QuantityContext = createContext<Quantity>({ quantity: 1, setQuantity: () => {}, max: 1, unit: { amount: 0, currency: "USD" }, unitText: "" });

export function OfferQuantity({ max, unit, unitText, children }: { max: number; unit: Money; unitText: string; children: React.ReactNode }) {
  const [quantity, setQuantity] = useState(1);
  return <QuantityContext.Provider value={{ quantity, setQuantity, max, unit, unitText }}>{children}</QuantityContext.Provider>;
}

export const useOfferQuantity = () => useContext(QuantityContext);

/** The price for the units chosen: the unit price as shown for one, the total for several. */
export function usePriceText(): string {
  const { quantity, unit, unitText } = useOfferQuantity();
  const locale = useLocale() as Locale;
  return quantity > 1 ? formatMoney(money(unit.amount * quantity, unit.currency), locale) : unitText;
}

/** The units as a hidden form field, for every form that takes the offer. */
export function QuantityField() {
  const { quantity, max } = useOfferQuantity();
  return max > 1 ? <input type="hidden" name="quantity" value={quantity} /> : null;
}

/** The selector (only when the merchant allows more than one), with the total it makes. */
export function QuantitySelect() {
  const { quantity, setQuantity, max, unitText } = useOfferQuantity();
  const total = usePriceText();
  const t = useTranslations();
  const id = useId();
  if (max <= 1) return null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <label htmlFor={id} className="font-medium text-slate-800">{t("offers.quantity")}</label>
      <select id={id} value={quantity} onChange={(e) => setQuantity(Number(e.target.value))} className="rounded-md border border-slate-300 bg-white px-2 py-1" data-testid="offer-quantity">
        {Array.from({ length: max }, (_, i) => i + 1).map((n) => <option key={n} value={n}>{n}</option>)}
      </select>
      {quantity > 1 ? <span className="text-slate-700" data-testid="offer-total">{t.rich("offers.quantityTotal", { quantity, unit: unitText, total, strong: (chunks) => <strong>{chunks}</strong> })}</span> : null}
    </div>
  );
}
