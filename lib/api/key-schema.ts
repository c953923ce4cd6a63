// The console's "new API key" input, shared by its form (client-side checks) and the action.
import { z } from "zod";
import { fieldMessage } from "@/lib/forms/field-message";

export const API_KEY_SCOPES = ["READ", "WRITE"] as const;

export const apiKeySchema = z.object({
  name: z.string().trim().min(1, fieldMessage("console.fields.apiKey.name")).max(80, fieldMessage("console.fields.apiKey.nameLength")),
  scope: z.enum(API_KEY_SCOPES, { message: fieldMessage("console.fields.apiKey.scope") }),
});
