// The example app's one page, as HTML strings (escaped).
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}
header{background:#0f172a;color:#fff;padding:12px 24px}main{max-width:46rem;margin:24px auto;padding:0 16px;display:grid;gap:16px}
.card{background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:16px}button{font:inherit;padding:6px 12px;border-radius:8px;border:1px solid #94a3b8;background:#fff;cursor:pointer}
.locked{color:#64748b}.unlocked{color:#166534}code{background:#f1f5f9;padding:0 4px;border-radius:4px}`;

export function page({ user, users, embed, credits, config, unlocked }) {
  if (!user) {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Reports</title><style>${STYLE}</style></head><body>
<header><strong>Acme Reports</strong> — an example app using Encore</header><main><section class="card"><h1>Sign in</h1>
${users.map((email) => `<form method="post" action="/login"><input type="hidden" name="email" value="${esc(email)}"><button>Sign in as ${esc(email)}</button></form>`).join("")}
</section></main></body></html>`;
  }
  const limit = unlocked ? "unlimited" : `${user.reports} of ${config.reportLimit} reports used`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Acme Reports</title><style>${STYLE}</style></head><body>
<header><strong>Acme Reports</strong> — signed in as ${esc(user.email)}</header><main>
<section class="card"><h1>Reports</h1><p data-testid="usage">${esc(limit)}</p>
<form method="post" action="/reports"><button>Run a report</button></form></section>
<section class="card"><h2>Advanced reports</h2>${unlocked
    ? `<p class="unlocked" data-testid="feature-unlocked">Unlocked — thanks for upgrading.</p>`
    : `<p class="locked" data-testid="feature-locked">Locked: part of the Pro plan.</p>`}</section>
${config.creditEntitlement ? `<section class="card"><h2>API credits</h2><p data-testid="credits">Balance: ${esc(credits ?? "—")}</p>
<form method="post" action="/credits"><input type="hidden" name="amount" value="30"><button>Make 30 API calls</button></form></section>` : ""}
<section class="card"><h2>Offers from Encore</h2><div id="encore-offer"></div>
<script src="${esc(embed.script_url)}" data-token="${esc(embed.token)}" data-target="#encore-offer" async></script></section>
<section class="card"><h2>Webhooks received</h2><ul data-testid="webhooks">${user.events.map((e) => `<li>${esc(e.type)} ${e.verified ? "(signature verified)" : ""}</li>`).join("") || "<li>none yet</li>"}</ul></section>
</main></body></html>`;
}
