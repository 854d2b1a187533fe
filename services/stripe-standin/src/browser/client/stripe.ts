/**
 * The stand-in Stripe.js: defines `window.Stripe` with the real script's name, version marker and the
 * instance methods Switchboard's payment block uses. Built by ../bundle.ts with the stand-in's base URL.
 */
import { confirmPayment } from './confirm-payment';
import { ElementsGroup } from './elements-group';
import { IntegrationError } from './integration-error';
import { handleAction, retrieveIntent } from './next-action';
import type {
	ConfirmPaymentOptions,
	PaymentIntentResult,
	Stripe,
	StripeConstructorOptions,
	StripeElementsOptions,
	WrapperInfo,
} from './stripe-types';

/**
 * @param apiBase        The stand-in's base URL.
 * @param publishableKey The pk_ key.
 * @param options        Constructor options (locale is the elements' default).
 */
export function createStripe(
	apiBase: string,
	publishableKey: unknown,
	options: StripeConstructorOptions = {}
) {
	assertPublishableKey( publishableKey );
	const wrappers: WrapperInfo[] = [];
	// `satisfies` below checks the methods whose signatures equal Stripe.js's declarations.
	return {
		elements( elementsOptions: StripeElementsOptions = {} ): ElementsGroup {
			return new ElementsGroup( apiBase, publishableKey, {
				locale: options.locale,
				...elementsOptions,
			} );
		},
		confirmPayment(
			confirmOptions: ConfirmPaymentOptions
		): Promise< PaymentIntentResult > {
			return confirmPayment( apiBase, publishableKey, confirmOptions );
		},
		retrievePaymentIntent(
			clientSecret: string
		): Promise< PaymentIntentResult > {
			return retrieveIntent( apiBase, publishableKey, clientSecret );
		},
		async handleNextAction(
			next: { clientSecret: string } | { hashedValue: string }
		): Promise< PaymentIntentResult > {
			if ( ! ( 'clientSecret' in next ) ) {
				throw new IntegrationError(
					'handleNextAction: the Stripe stand-in handles PaymentIntents only (clientSecret), not shared payment tokens (hashedValue).'
				);
			}
			const retrieved = await retrieveIntent(
				apiBase,
				publishableKey,
				next.clientSecret
			);
			if ( retrieved.error ) {
				return retrieved;
			}
			if ( retrieved.paymentIntent.status !== 'requires_action' ) {
				throw new IntegrationError(
					`handleNextAction: The PaymentIntent supplied does not require manual server-side confirmation. Its status is ${ retrieved.paymentIntent.status }.`
				);
			}
			return handleAction(
				apiBase,
				publishableKey,
				retrieved.paymentIntent
			);
		},
		/**
		 * The `@stripe/stripe-js` loader reports itself here; kept so tests can inspect it.
		 *
		 * @param info The wrapper's name, version and start time.
		 */
		_registerWrapper( info: WrapperInfo ): void {
			wrappers.push( info );
		},
		_wrappers: wrappers,
	} satisfies Pick< Stripe, 'retrievePaymentIntent' | 'handleNextAction' > &
		Record< string, unknown >;
}

/**
 * Refuses what Stripe.js refuses, with its messages.
 *
 * @param key The constructor's first argument.
 */
function assertPublishableKey( key: unknown ): asserts key is string {
	if ( typeof key !== 'string' ) {
		throw new IntegrationError(
			`Invalid value for Stripe(): apiKey should be a string. You specified: ${ String(
				key
			) }.`
		);
	}
	if ( key === '' ) {
		throw new IntegrationError(
			'Please call Stripe() with your publishable key. You used an empty string.'
		);
	}
	if ( /^(sk|rk)_/.test( key ) ) {
		throw new IntegrationError(
			'You should not use your secret key with Stripe.js.\nPlease pass a publishable key instead.'
		);
	}
	if ( ! key.startsWith( 'pk_' ) ) {
		throw new IntegrationError(
			`Invalid API Key provided: ${ key }. Please pass a publishable key (pk_...).`
		);
	}
}
