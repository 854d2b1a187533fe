/**
 * Stripe.js, loaded once per page, only when this file is (after intent: see intent.ts).
 *
 * `@stripe/stripe-js/pure` injects nothing until `loadStripe()` is called. In offline stand-in mode the
 * gateway names another script: it is injected first, and `loadStripe()` then resolves the `window.Stripe`
 * it defined instead of loading js.stripe.com.
 */

/**
 * External dependencies
 */
import { loadStripe } from '@stripe/stripe-js/pure';
import type { Stripe } from '@stripe/stripe-js';

const instances = new Map< string, Promise< Stripe > >();

/**
 * Loads a script once.
 *
 * @param url Script URL.
 * @return Resolves when it has run.
 */
function injectScript( url: string ): Promise< void > {
	if ( 'Stripe' in window ) {
		return Promise.resolve();
	}
	return new Promise( ( resolve, reject ) => {
		let script = document.querySelector< HTMLScriptElement >(
			'script[data-switchboard-stripe]'
		);
		if ( ! script ) {
			script = document.createElement( 'script' );
			script.src = url;
			script.async = true;
			script.dataset.switchboardStripe = '';
			document.head.appendChild( script );
		}
		script.addEventListener( 'load', () => resolve() );
		script.addEventListener( 'error', () =>
			reject( new Error( 'Stripe.js did not load' ) )
		);
	} );
}

/**
 * The Stripe instance for a publishable key.
 *
 * @param publishableKey Publishable key (`pk_test_...`, `pk_live_...`).
 * @param standInUrl     The stand-in's Stripe.js, when the payment service runs offline.
 * @return Stripe; rejects when it cannot load.
 */
export function stripeFor(
	publishableKey: string,
	standInUrl: string | null
): Promise< Stripe > {
	let instance = instances.get( publishableKey );
	if ( ! instance ) {
		instance = (
			standInUrl ? injectScript( standInUrl ) : Promise.resolve()
		)
			.then( () => loadStripe( publishableKey ) )
			.then( ( stripe ) => {
				if ( ! stripe ) {
					throw new Error( 'Stripe.js is not available' );
				}
				return stripe;
			} );
		// A failed load may be retried on the next intent or click.
		instance.catch( () => instances.delete( publishableKey ) );
		instances.set( publishableKey, instance );
	}
	return instance;
}
