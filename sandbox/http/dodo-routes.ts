import type {
  CheckoutSessionCreateParams,
  CustomerCreateParams,
  CustomerUpdateParams,
  DiscountCreateParams,
  DiscountType,
  DiscountUpdateParams,
  PaymentCreateResponse,
  PaymentRetrieveLineItemsResponse,
  ProductCreateParams,
  ProductUpdateParams,
  RefundCreateParams,
  SubscriptionChangePlanParams,
  SubscriptionUpdateParams,
} from "dodopayments/resources/index";
import type { SandboxCore } from "../core";
import { createProduct, getAddon, getProduct, productListItem, updateProduct } from "../domain/catalog";
import { checkoutStatus, createCheckout, previewCheckout } from "../domain/checkouts";
import * as customers from "../domain/customers";
import * as discounts from "../domain/discounts";
import { getDisputeRecord, getDispute, listDisputes } from "../domain/disputes";
import { paymentLineItems } from "../domain/line-items";
import { getPaymentRecord, listPayments, retrievePayment } from "../domain/payments";
import { cancelScheduledChange, changePlan, previewChangePlan } from "../domain/plan-change";
import { createRefund, getRefund, listRefunds } from "../domain/refunds";
import { runDueWork } from "../domain/due";
import { paymentMethodItem, customerDetails } from "../domain/serialize";
import { scheduleRefundSettlement, scheduleSettlement } from "../domain/settlement";
import * as subscriptions from "../domain/subscriptions";
import { openUpdateSession } from "../hosted-checkout/complete";
import { registerCreditRoutes } from "./credit-routes";
import { invalid } from "./errors";
import { boolParam, newestFirst, pageQuery, paginate, parseBody } from "./input";
import { json, noContent, type Router } from "./router";
import type { LocalizedPriceCreateParams } from "dodopayments/resources/products/localized-prices";
import * as localized from "../domain/localized-prices";
import * as schemas from "./schemas";

/** The Dodo API subset Encore uses, on Dodo's own paths. */
export function registerDodoRoutes(router: Router, core: SandboxCore): void {
  const charge = (paymentId: string) => scheduleSettlement(core, paymentId);

  router
    .add("POST", "/customers", ({ body }) =>
      json(customers.createCustomer(core, parseBody(schemas.customerCreateBody, body) as CustomerCreateParams)))
    .add("GET", "/customers", ({ query }) => json(paginate(customers.listCustomers(core, query), pageQuery(query))))
    .add("GET", "/customers/{customer_id}", ({ params }) => json(customers.getCustomer(core, params.customer_id!)))
    .add("PATCH", "/customers/{customer_id}", ({ params, body }) =>
      json(customers.updateCustomer(core, params.customer_id!, parseBody(schemas.customerUpdateBody, body) as CustomerUpdateParams)))
    .add("GET", "/customers/{customer_id}/payment-methods", ({ params }) =>
      json({ items: customers.customerMethods(core, params.customer_id!).map(paymentMethodItem) }))
    .add("DELETE", "/customers/{customer_id}/payment-methods/{payment_method_id}", ({ params }) => {
      customers.deletePaymentMethod(core, params.customer_id!, params.payment_method_id!);
      return noContent();
    })
    .add("POST", "/customers/{customer_id}/customer-portal/session", ({ params }) => {
      const customer = customers.getCustomer(core, params.customer_id!);
      return json({ link: `${core.baseUrl}/portal/${customer.customer_id}` });
    });

  router
    .add("POST", "/products", ({ body }) =>
      json(createProduct(core, parseBody(schemas.productCreateBody, body) as unknown as ProductCreateParams)))
    .add("GET", "/products", ({ query }) => {
      const recurring = boolParam(query, "recurring");
      const archived = boolParam(query, "archived") ?? false;
      const items = newestFirst(Object.values(core.state.products))
        .filter((r) => r.archived === archived)
        .filter((r) => recurring === undefined || r.product.is_recurring === recurring)
        .map((r) => productListItem(r.product));
      return json(paginate(items, pageQuery(query)));
    })
    .add("GET", "/products/{product_id}", ({ params }) => json(getProduct(core, params.product_id!)))
    .add("PATCH", "/products/{product_id}", ({ params, body }) => {
      updateProduct(core, params.product_id!, parseBody(schemas.productUpdateBody, body) as ProductUpdateParams);
      return noContent();
    })
    .add("GET", "/products/{product_id}/localized-prices", ({ params }) => json(localized.listLocalizedPrices(core, params.product_id!)))
    .add("POST", "/products/{product_id}/localized-prices", ({ params, body }) =>
      json(localized.createLocalizedPrice(core, params.product_id!, parseBody(schemas.localizedPriceCreateBody, body) as LocalizedPriceCreateParams)))
    .add("GET", "/products/{product_id}/localized-prices/{id}", ({ params }) => json(localized.retrieveLocalizedPrice(core, params.product_id!, params.id!)))
    .add("PATCH", "/products/{product_id}/localized-prices/{id}", ({ params, body }) =>
      json(localized.updateLocalizedPrice(core, params.product_id!, params.id!, parseBody(schemas.localizedPriceUpdateBody, body).amount)))
    .add("DELETE", "/products/{product_id}/localized-prices/{id}", ({ params }) => {
      localized.archiveLocalizedPrice(core, params.product_id!, params.id!);
      return noContent();
    })
    .add("GET", "/addons", ({ query }) =>
      json(paginate(newestFirst(Object.values(core.state.addons)).map((r) => r.addon), pageQuery(query))))
    .add("GET", "/addons/{addon_id}", ({ params }) => json(getAddon(core, params.addon_id!)));

  router
    .add("POST", "/discounts", ({ body }) =>
      json(discounts.createDiscount(core, parseBody(schemas.discountCreateBody, body) as DiscountCreateParams)))
    .add("GET", "/discounts", ({ query }) => {
      const filters = {
        active: boolParam(query, "active"),
        code: query.get("code") ?? undefined,
        discount_type: (query.get("discount_type") ?? undefined) as DiscountType | undefined,
        product_id: query.get("product_id") ?? undefined,
      };
      return json(paginate(discounts.listDiscounts(core, filters), pageQuery(query)));
    })
    .add("GET", "/discounts/{discount_id}", ({ params }) => json(discounts.getDiscountRecord(core, params.discount_id!).discount))
    .add("PATCH", "/discounts/{discount_id}", ({ params, body }) =>
      json(discounts.updateDiscount(core, params.discount_id!, parseBody(schemas.discountUpdateBody, body) as DiscountUpdateParams)))
    .add("DELETE", "/discounts/{discount_id}", ({ params }) => {
      discounts.deleteDiscount(core, params.discount_id!);
      return noContent();
    })
    .add("GET", "/discounts/code/{code}", ({ params }) => json(discounts.retrieveDiscountByCode(core, params.code!)));

  router
    .add("POST", "/checkouts", ({ body }) =>
      json(createCheckout(core, parseBody(schemas.checkoutBody, body) as CheckoutSessionCreateParams, charge)))
    .add("POST", "/checkouts/preview", ({ body }) =>
      json(previewCheckout(core, parseBody(schemas.checkoutBody, body) as CheckoutSessionCreateParams)))
    .add("GET", "/checkouts/{session_id}", ({ params }) => json(checkoutStatus(core, params.session_id!)));

  router
    .add("GET", "/payments", ({ query }) => json(paginate(listPayments(core, query), pageQuery(query))))
    .add("GET", "/payments/{payment_id}", ({ params }) => json(retrievePayment(core, params.payment_id!)))
    .add("GET", "/payments/{payment_id}/line-items", ({ params }) => {
      const payment = getPaymentRecord(core, params.payment_id!);
      return json({ currency: payment.currency, items: paymentLineItems(core, payment) } satisfies PaymentRetrieveLineItemsResponse);
    })
    .add("POST", "/payments", ({ body }) => json(createLegacyPayment(core, body, charge)));

  router
    .add("GET", "/subscriptions", ({ query }) => json(paginate(subscriptions.listSubscriptions(core, query), pageQuery(query))))
    .add("GET", "/subscriptions/{subscription_id}", ({ params }) => json(subscriptions.retrieveSubscription(core, params.subscription_id!)))
    .add("PATCH", "/subscriptions/{subscription_id}", ({ params, body }) => {
      const update = parseBody(schemas.subscriptionUpdateBody, body) as SubscriptionUpdateParams;
      subscriptions.updateSubscription(core, params.subscription_id!, update);
      // Moving next_billing_date to now or earlier is Dodo's documented way to trigger a renewal.
      runDueWork(core);
      return json(subscriptions.retrieveSubscription(core, params.subscription_id!));
    })
    .add("POST", "/subscriptions/{subscription_id}/change-plan", ({ params, body }) =>
      json(changePlan(core, params.subscription_id!, parseBody(schemas.changePlanBody, body) as SubscriptionChangePlanParams, charge)))
    .add("POST", "/subscriptions/{subscription_id}/change-plan/preview", ({ params, body }) =>
      json(previewChangePlan(core, params.subscription_id!, parseBody(schemas.changePlanBody, body) as SubscriptionChangePlanParams)))
    .add("DELETE", "/subscriptions/{subscription_id}/change-plan/scheduled", ({ params }) => {
      cancelScheduledChange(core, params.subscription_id!);
      return noContent();
    })
    .add("POST", "/subscriptions/{subscription_id}/update-payment-method", ({ params, body }) =>
      json(subscriptions.updatePaymentMethod(core, params.subscription_id!, parseBody(schemas.updatePaymentMethodBody, body),
        (record, returnUrl) => openUpdateSession(core, record, returnUrl), charge)));

  router
    .add("POST", "/refunds", ({ body }) => {
      const refund = createRefund(core, parseBody(schemas.refundCreateBody, body) as RefundCreateParams);
      scheduleRefundSettlement(core, refund.refund_id);
      return json(refund);
    })
    .add("GET", "/refunds", ({ query }) => json(paginate(listRefunds(core, query), pageQuery(query))))
    .add("GET", "/refunds/{refund_id}", ({ params }) => json(getRefund(core, params.refund_id!)));

  router
    .add("GET", "/disputes", ({ query }) => json(paginate(listDisputes(core, query), pageQuery(query))))
    .add("GET", "/disputes/{dispute_id}", ({ params }) => json(getDispute(core, getDisputeRecord(core, params.dispute_id!))));

  registerCreditRoutes(router, core);
}

/** Deprecated `POST /payments`: a one-time checkout confirmed at once, answered in the old shape. */
function createLegacyPayment(core: SandboxCore, body: unknown, charge: (paymentId: string) => void): PaymentCreateResponse {
  const params = parseBody(schemas.paymentCreateBody, body);
  for (const item of params.product_cart) {
    if (getProduct(core, item.product_id).is_recurring) throw invalid(`Product ${item.product_id} is a subscription; use checkout sessions`);
  }
  const session = createCheckout(core, {
    product_cart: params.product_cart,
    customer: params.customer,
    payment_method_id: params.payment_method_id ?? null,
    confirm: true,
    billing_address: params.billing,
    return_url: params.return_url ?? null,
    metadata: params.metadata ?? {},
    discount_code: params.discount_code ?? null,
    discount_codes: params.discount_codes ?? null,
  } as CheckoutSessionCreateParams, charge, "legacy");
  const payment = getPaymentRecord(core, session.payment_id!);
  return {
    client_secret: payment.client_secret ?? "",
    customer: customerDetails(core, payment.customer_id),
    metadata: payment.metadata,
    payment_id: payment.payment_id,
    total_amount: payment.total_amount,
    discount_id: payment.discount_ids[0] ?? null,
    discount_ids: payment.discount_ids.length > 0 ? payment.discount_ids : null,
    expires_on: core.state.checkouts[session.session_id]!.expires_at,
    payment_link: session.checkout_url ?? null,
    product_cart: payment.product_cart,
  } satisfies Required<PaymentCreateResponse>;
}
