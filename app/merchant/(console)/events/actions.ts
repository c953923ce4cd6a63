"use server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { formText } from "@/lib/forms/fields";
import { replayEvent } from "@/lib/webhooks/log";

export const replayEventAction = merchantFormAction("replay event", z.object({ id: formText }), ({ id }, { locale }) => replayEvent(id, { locale }), (replayed) => replayed.message);
