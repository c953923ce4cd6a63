// Shapes of a Dodo webhook as received, verified and stored.

/** The JSON body of every Dodo webhook. */
export type DodoEnvelope = {
  business_id?: string;
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
};

/** A webhook whose signature checked out. */
export type VerifiedEvent = {
  webhookId: string;
  type: string;
  /** The envelope timestamp (when Dodo says the event happened). */
  occurredAt: Date;
  envelope: DodoEnvelope;
};
