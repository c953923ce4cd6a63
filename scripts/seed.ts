// Demo data for `npm run dev` and the end-to-end stack: mirrors the sandbox's catalogue, ranks the
// subscription ladder, creates a demo funnel (upsell → downsell) and the demo merchant sign-in.
// Idempotent (fixed ids, upserts), so every restart can run it without duplicating anything.
import { db } from "@/lib/db/client";
import { syncCatalogue } from "@/lib/catalog/sync";
import { ensureMerchantUser } from "@/lib/auth/merchant-users";
import { reconcileRecent } from "@/lib/reconcile/recent";
import { SEED_PRODUCTS } from "../sandbox/seed";

export const DEMO_MERCHANT = { email: "merchant@example.com", password: "encore-demo" } as const;

// The merchant's explicit plan order (tier first, then billing interval), never guessed from price.
const LADDER_ORDER = [
  SEED_PRODUCTS.starter_monthly, SEED_PRODUCTS.starter_yearly,
  SEED_PRODUCTS.basic_monthly, SEED_PRODUCTS.basic_yearly,
  SEED_PRODUCTS.pro_monthly, SEED_PRODUCTS.pro_yearly,
  SEED_PRODUCTS.team_monthly, SEED_PRODUCTS.team_yearly,
];

async function seedLadder() {
  const ladder = await db.planLadder.upsert({ where: { name: "Plans" }, create: { name: "Plans" }, update: {} });
  // Clear ranks first: (ladderId, planRank) is unique and a re-rank would otherwise collide.
  await db.product.updateMany({ where: { id: { in: LADDER_ORDER } }, data: { planRank: null } });
  for (const [index, id] of LADDER_ORDER.entries()) {
    await db.product.update({ where: { id }, data: { ladderId: ladder.id, planRank: index + 1 } });
  }
  // Demo save offers for the cancel flow; a merchant's own edits are kept on re-seed.
  const saveOffers = [
    { reason: "TOO_EXPENSIVE", kind: "CHEAPER_PLAN", targetProductId: SEED_PRODUCTS.starter_monthly, pauseCycles: null },
    { reason: "UNUSED", kind: "PAUSE", targetProductId: null, pauseCycles: 1 },
  ] as const;
  for (const offer of saveOffers) {
    await db.saveOffer.upsert({ where: { ladderId_reason: { ladderId: ladder.id, reason: offer.reason } }, create: { ladderId: ladder.id, ...offer }, update: {} });
  }
}

async function seedOffers() {
  const offers = [
    { id: "seed_offer_coaching", name: "Coaching call after the course", kind: "UPSELL", offeredProductId: SEED_PRODUCTS.coaching_call, discountBps: 2000, headline: "Add a 1:1 coaching call — 20% off on this page", body: "Sixty minutes with the author to review your course plan. Charged to the card you just used." },
    { id: "seed_offer_workbook", name: "Workbook downsell", kind: "DOWNSELL", offeredProductId: SEED_PRODUCTS.workbook, discountBps: 0, headline: "Prefer to work at your own pace? Get the workbook", body: "Every exercise from the course as a printable workbook." },
    { id: "seed_offer_templates", name: "Template pack after coaching", kind: "UPSELL", offeredProductId: SEED_PRODUCTS.template_pack, discountBps: 1000, headline: "Finish faster with the template pack", body: "Notion and Figma templates for every module, 10% off." },
    // Shown on /account to customers who own the course (one-click with their saved card).
    { id: "seed_offer_templates_xsell", name: "Template pack for course owners", kind: "CROSS_SELL", offeredProductId: SEED_PRODUCTS.template_pack, discountBps: 1500, headline: "Course owners: the template pack, 15% off", body: "Notion and Figma templates for every module." },
  ] as const;
  // The course is sold in USD and in EUR; the offers (USD) follow either purchase, and a EUR buyer
  // is told they are only available in USD.
  for (const offer of offers) {
    await db.offer.upsert({ where: { id: offer.id }, create: { ...offer, triggerProductIds: [SEED_PRODUCTS.course, SEED_PRODUCTS.course_eur] }, update: {} });
  }
  // Demo copy from older seeds promised "today only" on a 15-minute window; replace it unless edited.
  await db.offer.updateMany({ where: { id: "seed_offer_coaching", headline: "Add a 1:1 coaching call — 20% off, today only" }, data: { headline: offers[0].headline } });
  const funnel = await db.funnel.upsert({ where: { id: "seed_funnel_course" }, create: { id: "seed_funnel_course", name: "Course thank-you funnel" }, update: {} });
  const steps = [
    { id: "seed_step_templates", position: 3, name: "Template pack", offerId: "seed_offer_templates" },
    { id: "seed_step_workbook", position: 2, name: "Workbook downsell", offerId: "seed_offer_workbook" },
    { id: "seed_step_coaching", position: 1, name: "Coaching upsell", offerId: "seed_offer_coaching", onAcceptStepId: "seed_step_templates", onDeclineStepId: "seed_step_workbook", onFailStepId: "seed_step_workbook" },
  ];
  for (const { offerId, ...step } of steps) {
    await db.funnelStep.upsert({ where: { id: step.id }, create: { ...step, funnelId: funnel.id }, update: {} });
    await db.stepVariant.upsert({ where: { stepId_label: { stepId: step.id, label: "A" } }, create: { stepId: step.id, offerId, label: "A" }, update: {} });
  }
  await db.funnel.update({ where: { id: funnel.id }, data: { entryStepId: "seed_step_coaching" } });
}

// The in-app upgrade the example SaaS app (examples/saas) shows: at its reports milestone, and
// when Dodo says the customer's API credits run low (credit.balance_low → plan_limit_near).
async function seedMomentOffers() {
  const offer = await db.offer.upsert({
    where: { id: "seed_offer_pro_upgrade" },
    create: { id: "seed_offer_pro_upgrade", name: "Pro upgrade in the app", kind: "UPGRADE", offeredProductId: SEED_PRODUCTS.pro_monthly, headline: "Need more? Upgrade to Pro", body: "Unlimited reports, advanced reports and five times the API calls. You only pay the difference for the rest of this month." },
    update: {},
  });
  const targets = [
    { name: "usage_milestone", conditions: { feature: "reports" } },
    { name: "plan_limit_near", conditions: { feature: "API credits" } },
  ];
  for (const t of targets) {
    await db.offerMoment.upsert({ where: { offerId_name: { offerId: offer.id, name: t.name } }, create: { offerId: offer.id, ...t }, update: {} });
  }
}

const { synced: products } = await syncCatalogue();
await seedLadder();
await seedOffers();
await seedMomentOffers();
await ensureMerchantUser(DEMO_MERCHANT.email, DEMO_MERCHANT.password);
// Mirrors the sandbox's demo customers (their subscriptions, payments and entitlements) the same
// way production converges: by syncing Dodo's objects, not by writing rows by hand.
const mirrored = await reconcileRecent({ days: 60 });
if (mirrored.failures.length) throw new Error(`seed could not sync: ${mirrored.failures.map((f) => f.id).join(", ")}`);
console.log(`[seed] ${products} products, ${mirrored.payments} payments and ${mirrored.subscriptions} subscriptions mirrored; demo ladder, funnel and merchant ready`);
await db.$disconnect();
