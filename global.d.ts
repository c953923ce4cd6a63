// next-intl's types: every t("…") key and every locale is checked by the compiler against the
// English catalogue (lib/i18n/messages.ts).
import type { Locale } from "@/lib/i18n/locales";
import type { Messages } from "@/lib/i18n/messages";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
