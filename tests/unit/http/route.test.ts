// route()'s last-resort 500 (a handler threw): a person's page in the request's language, never
// the error; API clients keep their English JSON.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { route } from "@/lib/http/route";

const failing = (answers: "json" | "html") => route({ name: "test", answers }, async () => {
  throw new Error("boom");
});

const request = (headers: Record<string, string>) => new NextRequest("http://localhost/thing", { headers });

describe("route(): an unexpected failure", () => {
  it("answers a pt-BR browser with a Portuguese page", async () => {
    const res = await failing("html")(request({ "accept-language": "pt-BR,pt;q=0.9", accept: "text/html" }), {});
    expect(res.status).toBe(500);
    const html = await res.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain("Algo deu errado do nosso lado. Tente novamente.");
    expect(html).toContain("Voltar para a loja");
    expect(html).not.toMatch(/Something went wrong|Back to the store|boom/);
  });

  it("follows the language switch's cookie over Accept-Language, and is English by default", async () => {
    const chosen = await (await failing("html")(request({ "accept-language": "en", cookie: "encore_locale=pt-BR" }), {})).text();
    expect(chosen).toContain("Algo deu errado do nosso lado.");
    const plain = await (await failing("html")(request({}), {})).text();
    expect(plain).toContain("Something went wrong on our side. Please try again.");
    expect(plain).toContain("Back to the store");
  });

  it("answers API clients in JSON with a request id", async () => {
    const res = await failing("json")(request({ "accept-language": "pt-BR" }), {});
    expect(res.status).toBe(500);
    expect(await res.json()).toMatchObject({ error: "internal", requestId: expect.any(String) });
  });
});

describe("route(): a query string no handler could use", () => {
  const ok = (answers: "json" | "html") => route({ name: "test", answers }, async () => new Response("fine"));
  const withNul = (headers: Record<string, string>) => new NextRequest("http://localhost/thing?q=a%00b", { headers });

  it("answers a person in their language, without the English detail", async () => {
    const res = await ok("html")(withNul({ "accept-language": "pt-BR", accept: "text/html" }), {});
    expect(res.status).toBe(400);
    const html = await res.text();
    expect(html).toContain('<html lang="pt-BR">');
    expect(html).toContain("Este endereço tem um parâmetro que não é um texto válido.");
    expect(html).not.toMatch(/The parameter|Back to the store/);
  });

  it("answers API clients with the precise reason in JSON", async () => {
    const res = await ok("json")(withNul({ "accept-language": "pt-BR" }), {});
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: "bad_request", message: expect.stringMatching(/^The parameter "q"/) });
  });
});
