// A webhook endpoint's input, shared by the console's form (client-side checks) and its action.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";
import { stringList } from "@/lib/forms/fields";
import { EVENT_TYPES } from "./event-types";

export const endpointSchema = z.object({
  url: z
    .string()
    .trim()
    .min(1, fieldMessage("console.fields.endpoint.url"))
    .max(2000, fieldMessage("console.fields.endpoint.urlLength"))
    .refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === "https:" || url.protocol === "http:") && !url.username && !url.password;
      } catch {
        return false;
      }
    }, fieldMessage("console.fields.endpoint.urlHttp")),
  description: z.string().trim().max(200, fieldMessage("console.fields.endpoint.descriptionLength")).default(""),
  eventTypes: stringList.pipe(z.array(z.enum(EVENT_TYPES, { message: fieldMessage("console.fields.endpoint.eventType") })).min(1, fieldMessage("console.fields.endpoint.eventTypes"))),
});

export type EndpointInput = z.input<typeof endpointSchema>;

