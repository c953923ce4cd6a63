// The console's "new API key" input, shared by its form (client-side checks) and the action.
import { z } from "zod";

export const API_KEY_SCOPES = ["READ", "WRITE"] as const;

export const apiKeySchema = z.object({
  name: z.string().trim().min(1, "Name the key (e.g. the app that uses it).").max(80, "At most 80 characters."),
  scope: z.enum(API_KEY_SCOPES, { message: "Pick read or write." }),
});
