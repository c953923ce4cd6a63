import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Encore demo store", template: "%s · Encore" },
  description: "One-click post-purchase offers and plan changes on Dodo Payments.",
};

// The store and the merchant console each bring their own chrome (app/(store), app/merchant).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen">{children}</body>
    </html>
  );
}
