"use server";
import { z } from "zod";
import { merchantFormAction } from "@/lib/actions/form";
import { saveStoreSettings } from "@/lib/store/settings";

export const saveStoreSettingsAction = merchantFormAction("store branding", z.unknown(), (_input, { values }) => saveStoreSettings(values), () => "Branding saved: the store and its emails use it now.");
