/**
 * Internal dependencies
 */
import type { AttributesOf } from '../shared/types/block-json';
import type metadata from './block.json';
import type { DeclineMessages } from './decline-message';

/** The payment block's attributes, read from its block.json. */
export type PaymentAttributes = AttributesOf< typeof metadata >;

/** A payment's status, as the gateway reports it (Stripe's PaymentIntent statuses, plus refunds). */
export type PaymentStatus =
	| 'requires_payment_method'
	| 'requires_confirmation'
	| 'requires_action'
	| 'processing'
	| 'succeeded'
	| 'canceled'
	| 'partially_refunded'
	| 'refunded';

/** Translated texts, seeded by render.php (ViewModel::strings()). */
export interface PaymentStrings {
	/** "Pay %s", with the formatted amount. */
	payAmount: string;
	/** "Enter an amount, such as %s." */
	enterAmount: string;
	preparing: string;
	enterDetails: string;
	checking: string;
	confirming: string;
	/** "Too many attempts. Please try again in %s seconds." */
	tooMany: string;
	tooManyLater: string;
	unavailable: string;
	failed: string;
	notConfirmed: string;
	canceled: string;
	declines: DeclineMessages;
}

/** Each block's own state, from `data-wp-context` in render.php (ViewModel::context()). */
export interface PaymentContext {
	postId: number;
	blockId: string;
	/** Lowercase ISO code. */
	currency: string;
	/** The currency's decimals for Stripe. */
	decimals: number;
	locale: string;
	/** Chosen preset amount in minor units; unused while `custom`. */
	amount: number;
	/** Whether the visitor chose their own amount. */
	custom: boolean;
	/** The custom amount, as typed. */
	customText: string;
	/** A typical amount in minor units, for the "such as" hint. */
	example: number;
	email: string;
	publishableKey: string;
	stripeJsUrl: string | null;
	/** The Pay button's text. */
	payLabel: string;
	/** The Pay button's text when no amount can be shown: the editor's text, or "Pay". */
	buttonText: string;
	/** The editor wrote the button's text: it is kept until the card form shows. */
	customButton: boolean;
	/** The script took over: the no-JavaScript explanation hides, the button works. */
	enhanced: boolean;
	/** The Pay button is disabled (before enhancement, and while busy). */
	locked: boolean;
	busy: boolean;
	/** The card form is shown. */
	confirming: boolean;
	paid: boolean;
	/** The polite live region. */
	message: string;
	/** The assertive live region. */
	error: string;
}

/** What `POST /switchboard/v1/payments` answers. */
export interface CreatedPayment {
	payment: {
		id: string;
		status: PaymentStatus;
		amount: number;
		currency: string;
	};
	client_secret: string | null;
	publishable_key: string;
	stripe_js_url: string | null;
	return_url: string;
}

/** What `GET /switchboard/v1/payments/status` answers. */
export interface PaymentStatusAnswer {
	payment: {
		id: string;
		status: PaymentStatus;
		amount: number;
		currency: string;
		last_error: {
			code: string | null;
			decline_code: string | null;
			message: string | null;
		} | null;
	};
	redirect_url: string | null;
}
