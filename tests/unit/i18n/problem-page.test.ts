// A route handler's problem page (lib/http/problem-page.ts) says its own words — the store's
// navigation, the footer, the help address, the default title — in the language it is given.
import { describe, expect, it } from "vitest";
import { problemPage } from "@/lib/http/problem-page";

const brand = { name: "Loja <Ana>", logoUrl: null, accentColor: "#7c3aed", supportEmail: "ajuda@example.com" };

describe("problem page", () => {
  it("in pt-BR: lang, navigation, footer, help and the default title in Portuguese, the store's name escaped", async () => {
    const res = problemPage(404, "Este link de oferta não é válido.", { href: "/account", label: "Ir para sua conta" }, { brand, locale: "pt-BR" });
    expect(res.status).toBe(404);
    const html = await res.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain('<nav aria-label="Loja"><a href="/">Catálogo</a><a href="/account">Sua conta</a></nav>');
    expect(html).toContain("<span data-merchant-copy>Loja &lt;Ana&gt;</span> · pagamentos pela Dodo Payments");
    expect(html).toContain("Ajuda: ajuda@example.com");
    expect(html).toContain("<h1>Desculpe</h1>");
    expect(html).not.toMatch(/Catalogue|Your account|payments by|Help:|Sorry|Loja <Ana>/);
  });

  it("in English by default", async () => {
    const html = await problemPage(500, "Something went wrong.", { href: "/", label: "Back to the store" }).text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<a href="/">Catalogue</a><a href="/account">Your account</a>');
    expect(html).toContain("· payments by Dodo Payments");
    expect(html).toContain("<h1>Sorry</h1>");
  });
});
