import { ClientMessages } from "@/components/i18n/client-messages";

// The plan page's change, pause and cancel flows are client components: their words ride along.
export default function PlanLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages surface="plan">{children}</ClientMessages>;
}
