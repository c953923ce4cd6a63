/* Encore in-app offer prompt. No framework, no dependencies.
 * <script src="https://encore.example/embed/encore.js" data-token="TOKEN_FROM_YOUR_SERVER" async></script>
 * Optional: data-target="#css-selector" (where to draw it; default: a box after the script tag);
 * data-locale="pt-BR" (the prompt's language; default: the page's lang, else the customer's own).
 * The token (POST /api/v1/customers/{id}/embed-token) names the customer; the server decides
 * everything: which offer, its price, the one charge, the checkout fallback, Dodo's preview, and
 * every word the prompt shows, in the customer's language. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var token = script.getAttribute("data-token");
  var base = new URL(script.src).origin + "/api/embed/v1/";
  var host = script.getAttribute("data-target") ? document.querySelector(script.getAttribute("data-target")) : null;
  // Sent with every call; the server words its answers in it (or in the customer's own when none).
  var locale = script.getAttribute("data-locale") || document.documentElement.lang || "";
  if (!host) {
    host = document.createElement("div");
    script.parentNode.insertBefore(host, script.nextSibling);
  }
  host.setAttribute("data-encore-prompt", "");
  var root = host.attachShadow ? host.attachShadow({ mode: "open" }) : host;
  var css =
    ":host{all:initial;display:block}" +
    ".box{font:15px/1.45 system-ui,sans-serif;color:#0f172a;border:1px solid #cbd5e1;border-radius:12px;padding:16px;background:#fff;max-width:32rem}" +
    "h2{font-size:17px;margin:0 0 4px}p{margin:4px 0}.muted{color:#475569;font-size:13px}.price{font-weight:600;font-size:18px}" +
    "s{color:#64748b;font-weight:400;margin-left:6px}table{border-collapse:collapse;width:100%;font-size:13px;margin:8px 0}" +
    "td{padding:2px 0}td+td{text-align:right}.row{display:flex;gap:8px;flex-wrap:wrap;margin-top:12px}" +
    "button{font:inherit;border-radius:8px;padding:8px 14px;cursor:pointer;border:1px solid #cbd5e1;background:#fff;color:#0f172a}" +
    "button.go{background:var(--accent,#4338ca);border-color:var(--accent,#4338ca);color:#fff}button:disabled{opacity:.6;cursor:wait}" +
    "button:focus-visible{outline:3px solid #a5b4fc;outline-offset:2px}.err{color:#b91c1c}.ok{color:#166534}";
  var offer = null;
  var store = null;
  // The prompt's words, from the offer answer in the customer's language (lib/moments/embed.ts);
  // these stand in only if that answer never came.
  var words = { region: "Offer", of_which_tax: "of which tax", new_plan: "New plan", takes_effect: "Takes effect", done: "Done — it's yours.",
    processing: "Processing your payment…", confirming: "Confirming your payment…", authenticate: "Your bank wants you to confirm this payment. Nothing is charged until you do.",
    confirm_with_bank: "Confirm with your bank", accept: "Accept — one click", use_another_card: "Use another card", continue_checkout: "Continue to secure checkout",
    no_thanks: "No thanks", working: "Working…", unreachable: "We couldn't reach the server. Nothing was charged twice; please try again.", unreadable: "Something went wrong. Please try again." };
  var busy = false;
  var polls = 0;

  function el(tag, attrs, kids) {
    var node = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") node.textContent = attrs[k];
      else if (k === "on") node.addEventListener("click", attrs[k]);
      else if (attrs[k] != null) node.setAttribute(k, attrs[k]);
    }
    (kids || []).forEach(function (kid) { if (kid) node.appendChild(kid); });
    return node;
  }

  // Every call is a POST of text/plain JSON carrying the token: a CORS "simple request", so the
  // browser sends it at once, with no preflight round trip first.
  function call(path, body) {
    body = body || {};
    body.token = token;
    if (locale) body.locale = locale;
    var init = { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8" }, body: JSON.stringify(body), cache: "no-store" };
    return fetch(base + path, init).then(function (res) {
      return res.json().catch(function () { return { ok: false, message: words.unreadable }; });
    });
  }

  function emit(name, detail) {
    host.dispatchEvent(new CustomEvent("encore:" + name, { detail: detail, bubbles: true, composed: true }));
  }

  function draw(message) {
    root.textContent = "";
    root.appendChild(el("style", { text: css }));
    if (!offer) return;
    var box = el("section", { class: "box", role: "region", "aria-label": words.region, lang: locale || undefined, "data-encore": "offer", "data-kind": offer.kind });
    // The store's accent (already darkened by the server to read on white) and its name.
    if (store && /^#[0-9a-f]{6}$/i.test(store.accent)) box.style.setProperty("--accent", store.accent);
    if (store && store.name) box.appendChild(el("p", { class: "muted", "data-encore": "store", text: store.name }));
    if (offer.badge) box.appendChild(el("p", { class: "muted", "data-encore": "badge", text: offer.badge }));
    box.appendChild(el("h2", { text: offer.headline }));
    if (offer.body) box.appendChild(el("p", { text: offer.body }));
    var up = offer.upgrade;
    if (up) {
      box.appendChild(el("p", { class: "muted", text: up.from + " → " + up.to }));
      box.appendChild(el("p", { class: "price", "data-encore": "charge-now", text: up.charge_now_label }));
      var table = el("table", { "data-encore": "preview" });
      var row2 = function (a, b) { table.appendChild(el("tr", {}, [el("td", { text: a }), el("td", { text: b })])); };
      if (up.tax) row2(words.of_which_tax, up.tax);
      if (up.credit) row2(up.credit, "");
      row2(words.new_plan, up.new_plan);
      row2(words.takes_effect, up.effective);
      up.lines.forEach(function (l) { row2(l.label, l.amount); });
      box.appendChild(table);
      box.appendChild(el("p", { class: "muted", text: up.explanation }));
      if (up.failure_note) box.appendChild(el("p", { class: "muted", text: up.failure_note }));
    } else {
      var price = el("p", { class: "price", "data-encore": "price", text: offer.price });
      if (offer.list_price) price.appendChild(el("s", { text: offer.list_price }));
      box.appendChild(price);
      if (offer.card_note) box.appendChild(el("p", { class: "muted", text: offer.card_note }));
    }
    var charge = offer.charge;
    var row = el("div", { class: "row" });
    if (charge && charge.status === "succeeded") {
      box.appendChild(el("p", { class: "ok", role: "status", "data-encore": "done", text: words.done }));
    } else if (charge && (charge.status === "processing" || charge.status === "confirming")) {
      if (!message) box.appendChild(el("p", { role: "status", "data-encore": "processing", text: charge.status === "confirming" ? words.confirming : words.processing }));
    } else if (charge && charge.status === "authenticate" && charge.url) {
      // The bank's page opens in a new tab and returns to Encore's outcome page there; this prompt
      // keeps reading the charge and shows the outcome by itself.
      box.appendChild(el("p", { role: "status", "data-encore": "authenticate", text: words.authenticate }));
      row.appendChild(el("button", { class: "go", "data-encore": "bank", on: function () { window.open(charge.url, "_blank", "noopener"); }, text: words.confirm_with_bank }));
    } else {
      if (charge && charge.status === "failed") box.appendChild(el("p", { class: "err", role: "alert", text: charge.message }));
      if (up) row.appendChild(el("button", { class: "go", "data-encore": "accept", on: accept, text: up.confirm_label }));
      else if (offer.card && !charge) row.appendChild(el("button", { class: "go", "data-encore": "accept", on: accept, text: words.accept }));
      // Secure checkout only once no charge can take money: it failed (and another card may help), or the bank's step can't be done here.
      var other = charge ? (charge.status === "failed" ? charge.offerOtherCard : charge.status === "authenticate") : offer.checkout_allowed;
      if (!up && other) row.appendChild(el("button", { class: offer.card ? "" : "go", "data-encore": "checkout", on: checkout, text: offer.card ? words.use_another_card : words.continue_checkout }));
      if (!charge) row.appendChild(el("button", { "data-encore": "decline", on: decline, text: words.no_thanks }));
    }
    if (message) box.appendChild(el("p", { class: message.ok ? "ok" : "err", role: message.ok ? "status" : "alert", "data-encore": "message", text: message.text }));
    box.appendChild(row);
    root.appendChild(box);
  }

  function settle(res) {
    busy = false;
    if (res && res.charge) offer.charge = res.charge;
    // Dodo's numbers moved since the preview: nothing was charged; the new preview replaces the old.
    if (res && res.upgrade && offer.upgrade) {
      res.upgrade.from = offer.upgrade.from;
      res.upgrade.to = offer.upgrade.to;
      offer.upgrade = res.upgrade;
    }
    if (res && res.ok && res.status) {
      // An upgrade Dodo took: applied (or scheduled), or its payment still settling; the message says which.
      offer.charge = { status: res.status === "SUBMITTED" ? "confirming" : "succeeded" };
      offer.upgrade = null;
      draw({ ok: true, text: res.message });
      emit("accepted", { impression_id: offer.impression_id, status: res.status });
      return;
    }
    draw(res && res.ok === false ? { ok: false, text: res.message } : null);
    if (offer.charge && offer.charge.status === "succeeded") emit("accepted", { impression_id: offer.impression_id });
    if (waiting(offer.charge)) later();
  }

  // A charge still settling: processing, being confirmed, or waiting on the customer's bank.
  function waiting(charge) {
    return !!charge && (charge.status === "processing" || charge.status === "confirming" || charge.status === "authenticate");
  }

  // Every 1.5 s for a minute, then every 5 s, for at most the bank's whole window (about 30 min).
  function later(ms) {
    if (++polls < 400) setTimeout(poll, ms || (polls < 40 ? 1500 : 5000));
  }

  function poll() {
    call("status", { impression_id: offer.impression_id }).then(function (res) {
      // Unchanged (or unreadable, e.g. a rate limit): nothing is redrawn, so focus stays put.
      if (!res.charge || res.charge.status === (offer.charge && offer.charge.status)) return later();
      settle({ charge: res.charge });
    }, function () { later(4000); });
  }

  function hold(button) {
    if (busy) return false;
    busy = true;
    root.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    if (button) button.textContent = words.working;
    return true;
  }

  function failed() {
    busy = false;
    draw({ ok: false, text: words.unreachable });
  }

  function accept(ev) {
    if (!hold(ev.currentTarget)) return;
    var body = { impression_id: offer.impression_id };
    if (offer.upgrade) body.quote_token = offer.upgrade.quote_token;
    call("accept", body).then(settle, failed);
  }

  function decline() {
    if (!hold()) return;
    call("decline", { impression_id: offer.impression_id }).then(function () {
      emit("declined", { impression_id: offer.impression_id });
      offer = null;
      busy = false;
      draw();
    }, failed);
  }

  function checkout() {
    if (!hold()) return;
    call("checkout", { impression_id: offer.impression_id }).then(function (res) {
      if (res.ok && res.url) window.top.location.href = res.url;
      else settle(res);
    }, failed);
  }

  if (!token) return;
  call("offer").then(function (res) {
    offer = res && res.offer;
    store = res && res.store;
    if (res && res.strings) words = res.strings;
    if (res && res.locale) locale = res.locale;
    draw();
    if (offer) {
      host.setAttribute("data-encore-shown", String(Math.round(performance.now())));
      emit("shown", { impression_id: offer.impression_id, kind: offer.kind });
      if (waiting(offer.charge)) later();
    }
  }, function () {});
})();
