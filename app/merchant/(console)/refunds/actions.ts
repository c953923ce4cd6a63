"use server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { refundOfferPurchase } from "@/lib/refunds/refund";

export const refundAction = merchantFormAction("refund offer purchase", z.unknown(), (_input, { values, locale }) => refundOfferPurchase(values, undefined, { locale }), (r) => r.message);
