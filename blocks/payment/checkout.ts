/**
 * The checkout, loaded by view.ts as a separate chunk at the first sign of intent: Stripe.js, the
 * Payment Element, the gateway's payment routes and everything the Pay flow needs.
 *
 * Flow: the chosen amount → `POST /payments` with the attempt's key (answering a proof-of-work challenge if
 * asked, and starting a new attempt once on a 409) → the Payment Element, styled from the block → "Pay
 * <amount>" → `confirmPayment()` (3-D Secure happens inside) → the status, read until final → the success
 * message or the redirect, and the attempt's key is forgotten.
 */

/**
 * External dependencies
 */
import type {
	Stripe,
	StripeElements,
	StripePaymentElement,
} from '@stripe/stripe-js';

/**
 * Internal dependencies
 */
import { formatAmount } from './amount';
import { appearanceFor, fontSourcesFor } from './appearance';
import {
	attemptKey,
	forgetAttempt,
	recallPayment,
	rememberPayment,
	renewAttemptKey,
	sessionStore,
	type PaymentRecord,
} from './attempt-key';
import { declineMessage } from './decline-message';
import {
	GatewayError,
	createPayment,
	paymentStatus,
	type PaymentRequest,
} from './payments-api';
import { chosenAmount, fill, payLabel } from './pay-label';
import { pollStatus } from './poll-status';
import { solveChallenge } from './proof-of-work';
import type { Runtime } from './runtime';
import { stripeFor } from './stripe-loader';
import type { CreatedPayment } from './types';

/** Query variables Stripe and the gateway add to the return URL after a redirect. */
const RETURN_VARS = [
	'payment_intent',
	'payment_intent_client_secret',
	'redirect_status',
	'switchboard_payment',
];

/** A prepared payment: its Element is on the page. */
interface Prepared {
	id: string;
	record: PaymentRecord;
	returnUrl: string;
	stripe: Stripe;
	elements: StripeElements;
	element: StripePaymentElement;
}

const prepared = new WeakMap< Runtime, Prepared >();
const store = sessionStore();

/**
 * Starts loading Stripe.js (intent): by the time the visitor presses Pay it is usually there.
 *
 * @param rt The block.
 */
export function preload( rt: Runtime ): void {
	if ( rt.ctx.publishableKey ) {
		stripeFor( rt.ctx.publishableKey, rt.ctx.stripeJsUrl ).catch( () => {
			// Pay reports it, if it still fails then.
		} );
	}
	rt.reset = () => resetIfChanged( rt );
}

/**
 * Takes the card form away when the visitor's choice no longer matches the prepared payment.
 *
 * @param rt The block.
 */
function resetIfChanged( rt: Runtime ): void {
	if ( prepared.get( rt )?.record.amount !== chosenAmount( rt.ctx ) ) {
		reset( rt );
	}
}

/**
 * Takes the card form away (the visitor changed the amount, or the payment was canceled).
 *
 * @param rt The block.
 */
function reset( rt: Runtime ): void {
	const current = prepared.get( rt );
	if ( current ) {
		current.element.destroy();
		prepared.delete( rt );
	}
	Object.assign( rt.ctx, {
		confirming: false,
		payLabel: payLabel( rt.ctx, rt.strings.payAmount ),
	} );
}

/**
 * What to tell the visitor about a failed request.
 *
 * @param rt    The block.
 * @param error What was thrown.
 * @return The message.
 */
function failure( rt: Runtime, error: unknown ): string {
	const { strings } = rt;
	if ( ! ( error instanceof GatewayError ) ) {
		return strings.failed;
	}
	if ( error.status === 400 && error.message ) {
		return error.message;
	}
	if ( error.status === 429 ) {
		return error.retryAfter
			? fill( strings.tooMany, String( error.retryAfter ) )
			: strings.tooManyLater;
	}
	if (
		error.status === 503 ||
		error.status === 409 ||
		error.status === 404
	) {
		return error.message || strings.unavailable;
	}
	return strings.failed;
}

/**
 * Creates the payment, answering a proof-of-work challenge when the gateway asks for one.
 *
 * @param rt      The block.
 * @param request The attempt.
 * @return The payment.
 */
async function create(
	rt: Runtime,
	request: PaymentRequest
): Promise< CreatedPayment > {
	try {
		return await createPayment( request );
	} catch ( error ) {
		const challenge =
			error instanceof GatewayError ? error.challenge() : null;
		if ( ! challenge ) {
			throw error;
		}
		rt.ctx.message = rt.strings.checking;
		const solution = await solveChallenge( challenge );
		rt.ctx.message = '';
		return createPayment( {
			...request,
			challenge: { token: challenge.token, solution },
		} );
	}
}

/**
 * Asks for the payment of an amount and shows the card form.
 *
 * @param rt     The block.
 * @param amount Amount in minor units.
 */
async function prepare( rt: Runtime, amount: number ): Promise< void > {
	const { ctx } = rt;
	let request: PaymentRequest = {
		post_id: ctx.postId,
		block_id: ctx.blockId,
		amount,
		attempt: attemptKey( store, ctx.postId, ctx.blockId, amount ),
		...( ctx.email.trim() ? { email: ctx.email.trim() } : {} ),
	};
	let answer: CreatedPayment;
	try {
		answer = await create( rt, request );
	} catch ( error ) {
		// This key was used for another amount (another tab, an old reload): one new attempt, once.
		if (
			! ( error instanceof GatewayError ) ||
			error.status !== 409 ||
			error.code !== 'switchboard_payment_conflict'
		) {
			throw error;
		}
		request = {
			...request,
			attempt: renewAttemptKey( store, ctx.postId, ctx.blockId, amount ),
		};
		answer = await create( rt, request );
	}
	const record: PaymentRecord = {
		attempt: request.attempt,
		postId: ctx.postId,
		blockId: ctx.blockId,
		amount,
	};
	rememberPayment( store, answer.payment.id, record );
	if ( answer.payment.status === 'succeeded' || ! answer.client_secret ) {
		// Already paid in an earlier visit of this attempt, or nothing left to confirm: read where it stands.
		await settle( rt, answer.payment.id, record );
		return;
	}
	ctx.message = rt.strings.preparing;
	const stripe = await stripeFor(
		answer.publishable_key,
		answer.stripe_js_url
	);
	const elements = stripe.elements( {
		clientSecret: answer.client_secret,
		appearance: appearanceFor( rt.root ),
		fonts: fontSourcesFor( rt.root ),
		locale: 'auto',
	} );
	const element = elements.create( 'payment', {
		defaultValues: ctx.email.trim()
			? { billingDetails: { email: ctx.email.trim() } }
			: undefined,
	} );
	const mount = rt.root.querySelector< HTMLElement >(
		'.wp-block-switchboard-payment__element'
	);
	if ( ! mount ) {
		throw new Error( 'No place for the payment form' );
	}
	element.mount( mount );
	element.on( 'ready', () => element.focus() );
	prepared.set( rt, {
		id: answer.payment.id,
		record,
		returnUrl: answer.return_url,
		stripe,
		elements,
		element,
	} );
	Object.assign( ctx, {
		confirming: true,
		message: rt.strings.enterDetails,
		payLabel: fill(
			rt.strings.payAmount,
			formatAmount( amount, ctx.currency, ctx.decimals, ctx.locale )
		),
	} );
}

/**
 * Confirms the prepared payment with what the visitor entered in the card form.
 *
 * @param rt      The block.
 * @param payment The prepared payment.
 */
async function confirm( rt: Runtime, payment: Prepared ): Promise< void > {
	const { error } = await payment.stripe.confirmPayment( {
		elements: payment.elements,
		confirmParams: { return_url: payment.returnUrl },
		redirect: 'if_required',
	} );
	if ( error ) {
		// The same payment can be confirmed again: the visitor corrects the card and presses Pay.
		rt.ctx.message = '';
		rt.ctx.error = declineMessage( error, rt.strings.declines );
		payment.element.focus();
		return;
	}
	await settle( rt, payment.id, payment.record );
}

/**
 * Reads a payment's status until it is final, then says how it ended.
 *
 * @param rt     The block.
 * @param id     Payment id.
 * @param record Its attempt.
 */
async function settle(
	rt: Runtime,
	id: string,
	record: PaymentRecord
): Promise< void > {
	const { ctx, strings } = rt;
	ctx.message = strings.confirming;
	const answer = await pollStatus( () =>
		paymentStatus( id, record.attempt )
	);
	const { status, last_error: lastError } = answer.payment;
	ctx.message = '';
	if ( status === 'succeeded' ) {
		forgetAttempt( store, record );
		const target = safeRedirect( answer.redirect_url );
		if ( target ) {
			window.location.assign( target );
			return;
		}
		reset( rt );
		Object.assign( ctx, { paid: true, error: '' } );
		// The success message replaces the form: focus it so it is read and keyboard users are not lost.
		requestAnimationFrame( () =>
			rt.root
				.querySelector< HTMLElement >(
					'.wp-block-switchboard-payment__success'
				)
				?.focus()
		);
		return;
	}
	if ( status === 'requires_payment_method' ) {
		ctx.error = declineMessage(
			{
				code: lastError?.code ?? undefined,
				decline_code: lastError?.decline_code ?? undefined,
				message: lastError?.message ?? undefined,
			},
			strings.declines
		);
		return;
	}
	if ( status === 'canceled' ) {
		forgetAttempt( store, record );
		reset( rt );
		ctx.error = strings.canceled;
		return;
	}
	ctx.message = strings.notConfirmed;
}

/**
 * A redirect target the page may follow: http(s) only.
 *
 * @param url The gateway's redirect URL.
 * @return The URL, or null.
 */
function safeRedirect( url: string | null ): string | null {
	if ( ! url ) {
		return null;
	}
	try {
		const target = new URL( url, window.location.href );
		return target.protocol === 'https:' || target.protocol === 'http:'
			? target.href
			: null;
	} catch {
		return null;
	}
}

/**
 * Runs a step with the block busy: the button disabled, errors reported in the live region.
 *
 * @param rt   The block.
 * @param step The step.
 */
async function busy(
	rt: Runtime,
	step: () => Promise< void >
): Promise< void > {
	const { ctx } = rt;
	if ( ctx.busy ) {
		return;
	}
	Object.assign( ctx, { busy: true, locked: true, error: '' } );
	try {
		await step();
	} catch ( error ) {
		ctx.message = '';
		ctx.error = failure( rt, error );
	} finally {
		Object.assign( ctx, { busy: false, locked: ctx.paid } );
	}
}

/**
 * The Pay button: prepares the payment for the chosen amount, or confirms the one prepared.
 *
 * @param rt The block.
 */
export function pay( rt: Runtime ): Promise< void > {
	rt.reset = () => resetIfChanged( rt );
	return busy( rt, async () => {
		const amount = chosenAmount( rt.ctx );
		if ( amount === null ) {
			const { ctx } = rt;
			ctx.error = fill(
				rt.strings.enterAmount,
				formatAmount(
					ctx.example,
					ctx.currency,
					ctx.decimals,
					ctx.locale
				)
			);
			rt.root
				.querySelector< HTMLElement >( 'input[inputmode="decimal"]' )
				?.focus();
			return;
		}
		const current = prepared.get( rt );
		if ( current && current.record.amount === amount ) {
			await confirm( rt, current );
			return;
		}
		reset( rt );
		await prepare( rt, amount );
	} );
}

/**
 * Back from a redirect (a bank's page, 3-D Secure outside the page): reads the payment's status, if this
 * tab started it for this block, and takes Stripe's variables out of the address.
 *
 * @param rt        The block.
 * @param paymentId The `switchboard_payment` query variable.
 */
export async function resume(
	rt: Runtime,
	paymentId: string
): Promise< void > {
	const record = recallPayment( store, paymentId );
	if (
		! record ||
		record.blockId !== rt.ctx.blockId ||
		record.postId !== rt.ctx.postId
	) {
		return;
	}
	const url = new URL( window.location.href );
	RETURN_VARS.forEach( ( name ) => url.searchParams.delete( name ) );
	window.history.replaceState( window.history.state, '', url );
	rt.reset = () => resetIfChanged( rt );
	await busy( rt, () => settle( rt, paymentId, record ) );
}
