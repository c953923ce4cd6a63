"use server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { saveSaveOffer, setRetentionHoldout } from "@/lib/retention/save-offers";

const ladder = z.object({ id: formText });

export const saveOfferAction = merchantFormAction("save offer", ladder, ({ id }, { values }) => saveSaveOffer(id, values), (r) => (r.removed ? "Save offer removed: this reason goes straight to the cancellation." : "Save offer saved."));

export const holdoutAction = merchantFormAction("retention holdout", ladder, ({ id }, { values }) => setRetentionHoldout(id, values), (r) => `Holdout set to ${(r.holdoutBps / 100).toFixed(2).replace(/\.00$/, "")}%.`);
