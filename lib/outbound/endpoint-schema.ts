// A webhook endpoint's input, shared by the console's form (client-side checks) and its action.
import { z } from "zod";
import { stringList } from "@/lib/forms/fields";
import { EVENT_TYPES } from "./event-types";

export const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, "Enter the URL that receives the events.")
    .max(2000, "At most 2000 characters.")
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, "Enter an http:// or https:// URL (no user name or password in it)."),
  description: z.string().trim().max(200, "At most 200 characters.").default(""),
  eventTypes: stringList.pipe(z.array(z.enum(EVENT_TYPES, { message: "Unknown event type." })).min(1, "Pick at least one event type.")),
});

export type EndpointInput = z.input<typeof endpointSchema>;

