import type { Currency } from "dodopayments/resources/index";
import { z } from "zod";
import type { SandboxCore } from "../core";
import { attachCard } from "../domain/customers";
import { armContention } from "../domain/discounts";
import { moveDispute, openDispute } from "../domain/disputes";
import { runDueWork } from "../domain/due";
import { paymentMethodItem } from "../domain/serialize";
import { notFound } from "../http/errors";
import type { FaultInjector } from "../http/faults";
import { parseBody } from "../http/input";
import { json, type Router } from "../http/router";
import { sandboxSettingsSchema } from "../settings";
import type { SandboxState } from "../state/types";
import type { WebhookDispatcher } from "../webhooks/dispatcher";

export interface ControlPlaneDeps {
  core: SandboxCore;
  faults: FaultInjector;
  webhooks: WebhookDispatcher;
  /** Fresh initial state (the seed, or an empty catalogue when seeding is off). */
  initialState: () => SandboxState;
}

const clockBody = z.union([
  z.strictObject({ advance_ms: z.number().int().min(0) }),
  z.strictObject({ set: z.iso.datetime({ offset: true }) }),
]);
const faultBody = z.strictObject({
  endpoint: z.string().nullish(),
  latency_ms: z.number().int().min(0).optional(),
  error_rate: z.number().min(0).max(1).optional(),
  timeout: z.boolean().optional(),
  lose_answer: z.union([z.literal("timeout"), z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).nullish(),
  customer_id: z.string().min(1).nullish(),
  times: z.number().int().min(1).nullish(),
  clear: z.boolean().optional(),
});
const webhookBody = z.strictObject({
  url: z.url().nullish(),
  secret: z.string().startsWith("whsec_").optional(),
  duplicate: z.boolean().optional(),
  shuffle: z.boolean().optional(),
  delay_ms: z.number().int().min(0).optional(),
  drop_first: z.boolean().optional(),
  snapshot: z.boolean().optional(),
  shuffle_seed: z.number().int().nullable().optional(),
  withhold_customers: z.array(z.string().min(1)).optional(),
});
const attachBody = z.strictObject({
  card_number: z.string().regex(/^\d{16}$/),
  expiry_month: z.string().regex(/^\d{2}$/).optional(),
  expiry_year: z.string().regex(/^\d{4}$/).optional(),
  card_holder_name: z.string().nullish(),
  currency: z.string().length(3).optional(),
});

/** `/_sandbox/*`: test controls, kept apart from Dodo's paths. Same bearer key as the API. */
export function registerControlPlane(router: Router, deps: ControlPlaneDeps): void {
  const { core, faults, webhooks } = deps;
  const clockState = () => ({ now: core.now(), offset_ms: core.clock.offset });

  router
    .add("POST", "/_sandbox/reset", () => {
      core.replaceState(deps.initialState());
      webhooks.clearLog();
      return json({ reset: true, ...clockState() });
    })
    .add("GET", "/_sandbox/clock", () => json(clockState()))
    .add("POST", "/_sandbox/clock", ({ body }) => {
      const move = parseBody(clockBody, body);
      if ("advance_ms" in move) core.clock.advance(move.advance_ms);
      else core.clock.set(new Date(move.set));
      core.changed();
      const renewals = runDueWork(core);
      return json({ ...clockState(), renewals });
    })
    .add("POST", "/_sandbox/settle", () => json({ settled: core.settleAll() }))
    .add("GET", "/_sandbox/settings", () => json(core.settings))
    .add("POST", "/_sandbox/settings", ({ body }) => {
      core.state.settings = { ...core.settings, ...parseBody(sandboxSettingsSchema.partial().strict(), body) };
      core.changed();
      return json(core.settings);
    });

  router
    .add("GET", "/_sandbox/faults", () => json({ items: faults.list() }))
    .add("POST", "/_sandbox/faults", ({ body }) => {
      const input = parseBody(faultBody, body);
      if (input.clear) {
        faults.clear();
        return json({ items: [] });
      }
      return json(faults.add(input));
    })
    .add("DELETE", "/_sandbox/faults", () => {
      faults.clear();
      return json({ items: [] });
    });

  router
    .add("GET", "/_sandbox/webhooks", () => json(webhookConfig(webhooks)))
    .add("POST", "/_sandbox/webhooks", ({ body }) => {
      const input = parseBody(webhookBody, body);
      const { url, secret, ...modes } = input;
      if (url !== undefined) webhooks.config.url = url;
      if (secret !== undefined) webhooks.config.secret = secret;
      webhooks.setModes(stripUndefined(modes));
      return json(webhookConfig(webhooks));
    })
    .add("GET", "/_sandbox/deliveries", ({ query }) => {
      const type = query.get("type");
      const status = query.get("status");
      const items = webhooks.deliveries().filter((d) => (!type || d.type === type) && (!status || d.status === status));
      return json({ items });
    })
    .add("POST", "/_sandbox/deliveries/{delivery_id}/redeliver", async ({ params }) => {
      const record = webhooks.find(params.delivery_id!);
      if (!record) throw notFound("Delivery", params.delivery_id!);
      return json(await webhooks.redeliver(record));
    });

  const disputeStage = z.enum(["pre_dispute", "dispute", "pre_arbitration"]);
  router
    .add("POST", "/_sandbox/disputes", ({ body }) => {
      const input = parseBody(z.strictObject({ payment_id: z.string(), amount: z.number().int().optional(), reason: z.string().nullish(), stage: disputeStage.optional() }), body);
      return json(openDispute(core, input));
    })
    .add("POST", "/_sandbox/disputes/{dispute_id}", ({ params, body }) => {
      const input = parseBody(z.strictObject({
        status: z.enum(["dispute_expired", "dispute_accepted", "dispute_cancelled", "dispute_challenged", "dispute_won", "dispute_lost"]),
        stage: disputeStage.optional(),
        remarks: z.string().nullish(),
      }), body);
      return json(moveDispute(core, params.dispute_id!, input));
    });

  router.add("POST", "/_sandbox/discounts/{discount_id}/contention", ({ params, body }) => {
    const { times } = parseBody(z.strictObject({ times: z.number().int().min(0).default(1) }), body);
    const record = armContention(core, params.discount_id!, times);
    return json({ discount_id: record.discount.discount_id, contention: record.contention });
  });

  router.add("POST", "/_sandbox/customers/{customer_id}/payment-methods", ({ params, body }) => {
    const input = parseBody(attachBody, body);
    const method = attachCard(core, params.customer_id!, { ...input, currency: input.currency as Currency | undefined });
    return json(paymentMethodItem(method));
  });
}

function webhookConfig(webhooks: WebhookDispatcher) {
  const { url, modes } = webhooks.config;
  return { url, modes };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
