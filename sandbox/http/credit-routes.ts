import type { CreditEntitlementCreateParams, CreditEntitlementUpdateParams } from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { createLedgerEntry } from "../domain/credit-ledger";
import { listBalances, listGrants, listLedger, retrieveBalance } from "../domain/credit-reads";
import * as credits from "../domain/credits";
import { boolParam, pageQuery, paginate, parseBody } from "./input";
import { json, type Router } from "./router";
import * as schemas from "./schemas";

/**
 * Credit-based billing on Dodo's paths (SDK resources/credit-entitlements). Creates answer 201 as
 * the SDK comments say; PATCH answers 200 and DELETE 204 with no body; undelete 200.
 */
export function registerCreditRoutes(router: Router, core: SandboxCore): void {
  const base = "/credit-entitlements/{id}/balances/{customer_id}";
  router
    .add("POST", "/credit-entitlements", ({ body }) =>
      json(credits.createCreditEntitlement(core, parseBody(schemas.creditEntitlementCreateBody, body) as CreditEntitlementCreateParams), 201))
    .add("GET", "/credit-entitlements", ({ query }) => json(paginate(credits.listCreditEntitlements(core, boolParam(query, "deleted") ?? false), pageQuery(query))))
    .add("GET", "/credit-entitlements/{id}", ({ params }) => json(credits.getCreditEntitlement(core, params.id!)))
    .add("PATCH", "/credit-entitlements/{id}", ({ params, body }) => {
      credits.updateCreditEntitlement(core, params.id!, parseBody(schemas.creditEntitlementUpdateBody, body) as CreditEntitlementUpdateParams);
      return { kind: "empty", status: 200 };
    })
    .add("DELETE", "/credit-entitlements/{id}", ({ params }) => {
      credits.deleteCreditEntitlement(core, params.id!);
      return { kind: "empty", status: 204 };
    })
    .add("POST", "/credit-entitlements/{id}/undelete", ({ params }) => {
      credits.undeleteCreditEntitlement(core, params.id!);
      return { kind: "empty", status: 200 };
    })
    .add("GET", "/credit-entitlements/{id}/balances", ({ params, query }) =>
      json(paginate(listBalances(core, params.id!, query.get("customer_id")), pageQuery(query))))
    .add("GET", base, ({ params }) => json(retrieveBalance(core, params.id!, params.customer_id!)))
    .add("GET", `${base}/grants`, ({ params, query }) => json(paginate(listGrants(core, params.id!, params.customer_id!, query.get("status")), pageQuery(query))))
    .add("GET", `${base}/ledger`, ({ params, query }) => json(paginate(listLedger(core, params.id!, params.customer_id!, query), pageQuery(query))))
    .add("POST", `${base}/ledger-entries`, ({ params, body }) =>
      json(createLedgerEntry(core, params.id!, params.customer_id!, parseBody(schemas.ledgerEntryBody, body) as Parameters<typeof createLedgerEntry>[3]), 201));
}
