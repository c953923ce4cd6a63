import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, PageHeader, linkClass } from "@/components/merchant/ui";

export const metadata: Metadata = { title: "Page not found" };

// A missing console page (/merchant/nope) or record (/merchant/offers/<deleted id>): inside the
// console's own chrome, with the way back, instead of the framework's bare 404.
export default function ConsoleNotFound() {
  return (
    <div data-testid="console-not-found">
      <PageHeader title="Page not found" description="There is nothing at this address in your console. The offer or funnel it pointed to may have been deleted, or the link was mistyped." />
      <div className="flex flex-wrap items-center gap-4 text-sm">
        <ButtonLink href="/merchant">Back to the overview</ButtonLink>
        <Link href="/merchant/offers" className={linkClass}>All offers</Link>
        <Link href="/merchant/funnels" className={linkClass}>All funnels</Link>
      </div>
    </div>
  );
}
