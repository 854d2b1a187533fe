/**
 * The public surface of Stripe.js that the stand-in implements, typed with `@stripe/stripe-js` 10.2.1's
 * own declarations (the loader the payment block uses), so that a stand-in that drifts from the real
 * surface fails tsc. Only the stand-in's own internals are declared here.
 */
import type { ConfirmPaymentData, StripeElements } from '@stripe/stripe-js';

export type {
	Appearance,
	PaymentIntent,
	PaymentIntentResult,
	Stripe,
	StripeConstructorOptions,
	StripeElements,
	StripeElementsOptions,
	StripeElementsUpdateOptions,
	StripeError,
	StripePaymentElement,
	StripePaymentElementChangeEvent,
} from '@stripe/stripe-js';

/** The Payment Element events the stand-in emits. */
export type PaymentElementEvent =
	| 'ready'
	| 'change'
	| 'focus'
	| 'blur'
	| 'escape'
	| 'loaderror'
	| 'loaderstart';

/** What elements.submit() resolves with (StripeElements['submit']'s result). */
export type SubmitResult = Awaited< ReturnType< StripeElements[ 'submit' ] > >;

/** The union of what stripe.confirmPayment()'s overloads accept. */
export interface ConfirmPaymentOptions {
	elements?: StripeElements;
	clientSecret?: string;
	confirmParams?: Partial< ConfirmPaymentData >;
	redirect?: 'always' | 'if_required';
}

/** Wrapper information that `@stripe/stripe-js` passes to `_registerWrapper()`. */
export interface WrapperInfo {
	name: string;
	version: string | null;
	startTime?: number;
}
