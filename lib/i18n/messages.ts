// The message catalogues, one JSON file a language under messages/. English is the reference:
// its shape types every key (global.d.ts), and tests/unit/i18n/catalogues.test.ts fails CI when
// pt-BR lacks a key English has, has one English lacks, or a key is used nowhere in the code.
import en from "@/messages/en.json";
import ptBR from "@/messages/pt-BR.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, "pt-BR": ptBR };
