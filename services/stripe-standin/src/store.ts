/**
 * The stand-in's state: Stripe objects by id, the event log and the idempotency records. Plain JSON, so a
 * snapshot is one JSON.stringify away.
 */
export type Json = Record< string, unknown >;

export type PaymentIntentStatus =
	| 'requires_payment_method'
	| 'requires_confirmation'
	| 'requires_action'
	| 'processing'
	| 'succeeded'
	| 'canceled';

/** A PaymentIntent in Stripe's shape; the fields the logic changes are typed, the rest carried as is. */
export interface PaymentIntent extends Json {
	id: string;
	object: 'payment_intent';
	amount: number;
	amount_received: number;
	currency: string;
	status: PaymentIntentStatus;
	client_secret: string;
	created: number;
	metadata: Record< string, string >;
	description: string | null;
	receipt_email: string | null;
	payment_method: string | null;
	latest_charge: string | null;
	last_payment_error: Json | null;
	next_action: Json | null;
	canceled_at: number | null;
	cancellation_reason: string | null;
}

export interface PaymentMethod extends Json {
	id: string;
	object: 'payment_method';
	created: number;
	card: Json & { brand: string; last4: string };
	billing_details: Json;
}

export interface Charge extends Json {
	id: string;
	object: 'charge';
	amount: number;
	amount_refunded: number;
	refunded: boolean;
	status: 'succeeded' | 'failed';
	currency: string;
	created: number;
	payment_intent: string;
	payment_method: string;
	refunds: { object: 'list'; data: Json[]; has_more: boolean; url: string };
}

export interface Refund extends Json {
	id: string;
	object: 'refund';
	amount: number;
	charge: string;
	payment_intent: string;
	created: number;
}

export interface StripeEvent extends Json {
	id: string;
	object: 'event';
	type: string;
	created: number;
	data: { object: Json; previous_attributes?: Json };
	request: { id: string | null; idempotency_key: string | null };
	pending_webhooks: number;
}

/** A stored answer to a request made with an Idempotency-Key. */
export interface IdempotencyRecord {
	/** Method, path and parameters: a reuse with anything else is refused. */
	fingerprint: string;
	status: number;
	/** The JSON answered: a Stripe object, a list or an error. */
	body: object;
	requestId: string;
	/** Unix ms; records are kept 24 h. */
	storedAt: number;
}

export interface StandinData {
	paymentIntents: Record< string, PaymentIntent >;
	paymentMethods: Record< string, PaymentMethod >;
	/** Full test card numbers by PaymentMethod id (never returned: only last4 is). */
	cardNumbers: Record< string, string >;
	charges: Record< string, Charge >;
	refunds: Record< string, Refund >;
	/** Oldest first. */
	events: StripeEvent[];
	idempotency: Record< string, IdempotencyRecord >;
}

/** An empty state. */
export const emptyData = (): StandinData => ( {
	paymentIntents: {},
	paymentMethods: {},
	cardNumbers: {},
	charges: {},
	refunds: {},
	events: [],
	idempotency: {},
} );

/**
 * A deep copy: events and idempotent replays must not change when the object does later.
 *
 * @param value Any JSON value.
 */
export const copy = < T >( value: T ): T => structuredClone( value );
