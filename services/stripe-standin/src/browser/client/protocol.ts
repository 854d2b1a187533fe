/**
 * The postMessage protocol between the stand-in Stripe.js (in the merchant's page) and the frames it
 * embeds (Payment Element, 3-D Secure challenge). Every message names its channel, so two elements (or two
 * Stripe.js instances) on one page never read each other's messages; origins are checked on both sides.
 */
import type { Appearance, StripeError } from './stripe-types';

/** Marks messages of this protocol among whatever else the page posts. */
export const PROTOCOL = 'switchboard-standin-stripe';

/** What the Payment Element frame learns from its URL fragment (never sent to a server). */
export interface FrameConfig {
	channel: string;
	/** The merchant page's origin: the only one the frame talks to. */
	parentOrigin: string;
	publishableKey: string;
	clientSecret: string | null;
	appearance: Appearance;
	locale: string;
	/** The merchant's custom fonts (`elements( { fonts } )`): the frame declares them with @font-face. */
	fonts: FrameFont[];
}

/** A custom font source as the frame takes it (Stripe.js's CustomFontSource; CSS sources are not supported). */
export interface FrameFont {
	family: string;
	src: string;
	display?: string;
	style?: string;
	weight?: string;
	unicodeRange?: string;
}

export type { Appearance };

/** The Appearance API variables the frame's stylesheet uses. */
export type AppearanceVariable = keyof NonNullable<
	Appearance[ 'variables' ]
> &
	(
		| 'colorPrimary'
		| 'colorBackground'
		| 'colorText'
		| 'colorDanger'
		| 'fontFamily'
		| 'fontSizeBase'
		| 'spacingUnit'
		| 'borderRadius'
	);

export interface ChangeState {
	empty: boolean;
	complete: boolean;
}

/** Frame → parent events (no reply expected). */
export type FrameEvent =
	| { kind: 'ready'; height: number }
	| { kind: 'resize'; height: number }
	| { kind: 'change'; state: ChangeState }
	| { kind: 'focus' }
	| { kind: 'blur' }
	| { kind: 'escape' }
	| { kind: 'loaderror'; error: StripeError };

/** Parent → frame commands; `validate` and `createPaymentMethod` are answered with a FrameReply. */
export type FrameCommand =
	| { kind: 'update'; appearance?: Appearance; locale?: string }
	| { kind: 'focus' }
	| { kind: 'blur' }
	| { kind: 'clear' }
	| { kind: 'validate'; requestId: string }
	| {
			kind: 'createPaymentMethod';
			requestId: string;
			billingDetails?: object;
	  };

export type FrameReply =
	| { kind: 'reply'; requestId: string; error: StripeError }
	| { kind: 'reply'; requestId: string; paymentMethod?: { id: string } };

/** The 3-D Secure page → parent: the challenge ended. */
export interface ChallengeOutcome {
	kind: 'outcome';
	outcome: 'complete' | 'fail';
}

/** Parent → 3-D Secure page: the visitor dismissed the modal (Escape), which fails the challenge. */
export interface ChallengeCancel {
	kind: 'cancel';
}

export type Envelope< Body > = Body & {
	protocol: typeof PROTOCOL;
	channel: string;
};

/**
 * Wraps a message body for a channel.
 *
 * @param channel The channel id.
 * @param body    The message.
 */
export function envelope< Body extends object >(
	channel: string,
	body: Body
): Envelope< Body > {
	return { ...body, protocol: PROTOCOL, channel };
}

/**
 * Whether data is a message of this protocol on the given channel.
 *
 * @param data    MessageEvent data.
 * @param channel The expected channel id.
 */
export function isOnChannel( data: unknown, channel: string ): boolean {
	return (
		typeof data === 'object' &&
		data !== null &&
		( data as { protocol?: unknown } ).protocol === PROTOCOL &&
		( data as { channel?: unknown } ).channel === channel
	);
}

/**
 * A random channel id (not a secret: origins are what is checked; the id keeps channels apart).
 */
export function newChannelId(): string {
	return crypto.randomUUID();
}
