/**
 * The payment block for visitors: an Interactivity API store that keeps the visitor's choice and loads the
 * checkout (Stripe.js and the Pay flow, checkout.ts) as a separate chunk at the first sign of intent, so a
 * page with the block loads nothing of Stripe's until the visitor comes near it.
 */

/**
 * WordPress dependencies
 */
import {
	getContext,
	getElement,
	store,
	withSyncEvent,
} from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import { onIntent } from './intent';
import { payLabel } from './pay-label';
import type * as CheckoutModule from './checkout';
import type { Runtime } from './runtime';
import type { PaymentContext, PaymentStrings } from './types';

type Checkout = typeof CheckoutModule;

const runtimes = new WeakMap< Element, Runtime >();
let checkout: Promise< Checkout > | undefined;

/**
 * The checkout chunk, imported once.
 *
 * @return The module.
 */
function loadCheckout(): Promise< Checkout > {
	checkout ??= import(
		/* webpackChunkName: "payment/checkout" */ './checkout'
	);
	// A failed download (offline for a moment) may be tried again on the next click.
	checkout.catch( () => ( checkout = undefined ) );
	return checkout;
}

/**
 * The runtime of the block the current directive belongs to.
 *
 * @return The runtime, once the block is initialised.
 */
function runtime(): Runtime | undefined {
	const ref = getElement().ref;
	const root = ref?.closest( '.wp-block-switchboard-payment' );
	return root ? runtimes.get( root ) : undefined;
}

/**
 * Runs a checkout step; a checkout that cannot load says so in the block.
 *
 * @param rt   The block.
 * @param step The step.
 */
function withCheckout( rt: Runtime, step: ( module: Checkout ) => unknown ) {
	loadCheckout().then( step, () => {
		rt.ctx.error = rt.strings.unavailable;
	} );
}

const { state } = store(
	'switchboard/payment',
	{
		state: {} as PaymentStrings,
		actions: {
			/* A preset or "other amount" radio was chosen. */
			choose: ( event: Event ) => {
				const rt = runtime();
				const input = event.target;
				if ( ! rt || ! ( input instanceof HTMLInputElement ) ) {
					return;
				}
				rt.ctx.custom = input.value === 'custom';
				if ( ! rt.ctx.custom ) {
					rt.ctx.amount = Number( input.value );
				}
				rt.ctx.error = '';
				rt.ctx.payLabel = payLabel( rt.ctx, state.payAmount );
				rt.reset?.();
			},
			/* The custom amount field: typing in it chooses it. */
			typeAmount: ( event: Event ) => {
				const rt = runtime();
				if ( rt && event.target instanceof HTMLInputElement ) {
					Object.assign( rt.ctx, {
						customText: event.target.value,
						custom: true,
						error: '',
					} );
					rt.ctx.payLabel = payLabel( rt.ctx, state.payAmount );
					rt.reset?.();
				}
			},
			typeEmail: ( event: Event ) => {
				const rt = runtime();
				if ( rt && event.target instanceof HTMLInputElement ) {
					rt.ctx.email = event.target.value;
				}
			},
			/* Pay: the browser has validated the form; the checkout takes it from here. */
			pay: withSyncEvent( ( event: SubmitEvent ) => {
				event.preventDefault();
				const rt = runtime();
				if ( rt && ! rt.ctx.busy ) {
					withCheckout( rt, ( module ) => module.pay( rt ) );
				}
			} ),
		},
		callbacks: {
			/* The block is enhanced: the button works, and intent starts loading the checkout. */
			init: () => {
				const root = getElement().ref;
				if ( ! root || ! root.querySelector( 'form' ) ) {
					return;
				}
				const rt: Runtime = {
					ctx: getContext< PaymentContext >(),
					root,
					strings: state,
				};
				runtimes.set( root, rt );
				Object.assign( rt.ctx, { enhanced: true, locked: false } );
				onIntent( root, () =>
					withCheckout( rt, ( module ) => module.preload( rt ) )
				);
				const returning = new URLSearchParams(
					window.location.search
				).get( 'switchboard_payment' );
				if ( returning ) {
					withCheckout( rt, ( module ) =>
						module.resume( rt, returning )
					);
				}
			},
		},
	},
	{ lock: true }
);
