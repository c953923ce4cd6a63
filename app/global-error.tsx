"use client";

// The last resort, when even the root layout failed: a plain page with a way back to the store.
export default function GlobalError({ error }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1.5rem", color: "#0f172a" }}>
        {/* Full page loads on purpose: the app's router may be what failed. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <header><p><a href="/" style={{ color: "#6d28d9", fontWeight: 600 }}>Encore demo store</a></p></header>
        <main>
          <h1>Something went wrong on our side</h1>
          <p>Nothing was charged because of this. Please try again in a moment.{error.digest ? ` (Reference ${error.digest})` : ""}</p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
          <p><a href="/" style={{ color: "#6d28d9" }}>Back to the store</a></p>
        </main>
      </body>
    </html>
  );
}
