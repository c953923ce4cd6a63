"use server";
import { z } from "zod";
import { merchantAction } from "@/lib/actions/define";
import type { AcceptState } from "@/components/offers/actions";

// The preview's offer panel is the real one, so it needs actions: these never charge, decline or
// open a checkout — a press in the preview only says so.

const PREVIEW = { ok: false, code: "unavailable", message: "This is a preview: nothing is charged." } as const;

export const previewAcceptAction = merchantAction(z.unknown(), { name: "preview accept", onFailure: (): AcceptState => PREVIEW, run: async (): Promise<AcceptState> => PREVIEW });
export const previewStatusAction = merchantAction(z.unknown(), { name: "preview status", onFailure: () => null, run: async () => null });
export const previewNoopAction = merchantAction(z.unknown(), { name: "preview decline or checkout", onFailure: () => undefined, run: async () => undefined });
