// A small HTML answer for route handlers that must send a real status code (403, 404, 402…)
// with a human message. Every interpolated value is escaped.
const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

export function problemPage(status: number, message: string, link: { href: string; label: string }): Response {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Encore</title><style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1.5rem;color:#0f172a}a{color:#6d28d9}</style></head>
<body><h1>Sorry</h1><p data-testid="problem">${escape(message)}</p><p><a href="${escape(link.href)}">${escape(link.label)}</a></p></body></html>`;
  return new Response(html, { status, headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" } });
}
