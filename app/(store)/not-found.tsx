import { NotFoundBody } from "@/components/store/store-chrome";

// notFound() anywhere in the store renders this inside the store's header and footer.
export default function StoreNotFound() {
  return <NotFoundBody />;
}
