// The offer panel's actions, as the store's pages hand them to it.
import type { OfferActions } from "@/components/offers/actions";
import { buyOfferWithCheckoutAction } from "./checkout/actions";
import { acceptOfferAction, declineOfferAction, offerStatusAction } from "./thank-you/actions";

export const offerActions: OfferActions = {
  accept: acceptOfferAction,
  status: offerStatusAction,
  decline: declineOfferAction,
  checkout: buyOfferWithCheckoutAction,
};
