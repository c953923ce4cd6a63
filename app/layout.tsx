import type { Metadata } from "next";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Encore demo store", template: "%s · Encore" },
  description: "One-click post-purchase offers and plan changes on Dodo Payments.",
};

// The store and the merchant console each bring their own chrome (app/(store), app/merchant).
// Every page renders per request: the Content-Security-Policy nonce (lib/http/security-headers.ts)
// is new each time, and a page prerendered at build time would carry scripts without it.
export default async function RootLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
