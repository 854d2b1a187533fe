/**
 * The script's entry: `window.Stripe( key, options )`, callable with or without `new` like the real one,
 * with `Stripe.version = 'endive'` so `@stripe/stripe-js` finds the release train it expects and does not warn.
 */
import type { StripeConstructor } from '@stripe/stripe-js';

import { createStripe } from './stripe';
import type { StripeConstructorOptions } from './stripe-types';

// A function (not an arrow) so `new Stripe( pk )` works too: a constructor returning an object yields it.
const factory = Object.assign(
	function Stripe( key: string, options?: StripeConstructorOptions ) {
		return createStripe( __STANDIN_API_BASE__, key, options );
	},
	{ version: 'endive' }
);

// The stand-in implements the subset of the Stripe instance listed in ./stripe.ts (each method typed
// against the real one there), not all of it, hence the widening to the global's declared type.
// A page that loads the script twice keeps the first factory, as Stripe.js does.
window.Stripe ??= factory as unknown as StripeConstructor;
