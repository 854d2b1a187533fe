/**
 * `stripe.confirmPayment()`: validate the element, have the frame create the PaymentMethod, confirm the
 * intent with the publishable key and client secret, then act on the status as Stripe.js does (resolve,
 * redirect to return_url, or run the 3-D Secure challenge first).
 */
import { callApi, intentIdOf } from './api-client';
import { ElementsGroup } from './elements-group';
import { IntegrationError } from './integration-error';
import { handleAction } from './next-action';
import type {
	ConfirmPaymentOptions,
	PaymentIntent,
	PaymentIntentResult,
} from './stripe-types';

/**
 * @param apiBase        The stand-in's base URL.
 * @param publishableKey The pk_ key.
 * @param options        confirmPayment's options.
 */
export async function confirmPayment(
	apiBase: string,
	publishableKey: string,
	options: ConfirmPaymentOptions
): Promise< PaymentIntentResult > {
	const elements = options.elements;
	if ( ! ( elements instanceof ElementsGroup ) ) {
		throw new IntegrationError(
			'Invalid value for confirmPayment(): elements should be an Elements group created by this Stripe instance.'
		);
	}
	const redirect = options.redirect ?? 'always';
	const returnUrl = options.confirmParams?.return_url;
	if ( redirect === 'always' && ! returnUrl ) {
		throw new IntegrationError(
			"stripe.confirmPayment(): the `confirmParams.return_url` argument is required unless passing `redirect: 'if_required'`"
		);
	}
	const clientSecret = options.clientSecret ?? elements.clientSecret;
	if ( ! clientSecret ) {
		throw new IntegrationError(
			'stripe.confirmPayment(): the `clientSecret` argument is required when the Elements group was created without one.'
		);
	}
	const intentId = intentIdOf( clientSecret );
	if ( intentId === null ) {
		throw new IntegrationError(
			`Invalid value for confirmPayment(): clientSecret should be a client secret of the form \${id}_secret_\${secret}. You specified: ${ clientSecret }.`
		);
	}

	// With a client secret on the group Stripe.js submits by itself; in the deferred flow the merchant must
	// have called elements.submit() before creating the intent.
	if ( elements.clientSecret !== null || ! elements.submitted ) {
		if ( elements.clientSecret === null ) {
			throw new IntegrationError(
				'elements.submit() must be called before stripe.confirmPayment(). Call elements.submit() as soon as your customer presses pay, prior to any asynchronous work.'
			);
		}
		const submitted = await elements.submit();
		if ( submitted.error ) {
			return { error: submitted.error };
		}
	}
	const element = elements.paymentElement();
	if ( ! element ) {
		throw new IntegrationError(
			'stripe.confirmPayment(): no Payment Element is mounted in this Elements group.'
		);
	}

	const created = await element.createPaymentMethod(
		options.confirmParams?.payment_method_data?.billing_details
	);
	if ( 'error' in created ) {
		return { error: created.error };
	}

	const confirmed = await callApi< PaymentIntent >(
		apiBase,
		publishableKey,
		'POST',
		`/v1/payment_intents/${ intentId }/confirm`,
		{
			client_secret: clientSecret,
			payment_method: created.paymentMethod.id,
			return_url: returnUrl,
		}
	);
	if ( ! confirmed.ok ) {
		return { error: confirmed.error };
	}
	let result: PaymentIntentResult = { paymentIntent: confirmed.body };
	if ( confirmed.body.status === 'requires_action' ) {
		result = await handleAction( apiBase, publishableKey, confirmed.body );
	}
	if ( result.paymentIntent && redirect === 'always' && returnUrl ) {
		window.location.assign(
			returnUrlWithOutcome(
				returnUrl,
				result.paymentIntent,
				clientSecret
			)
		);
		// Stripe.js's promise stays pending while the browser leaves the page.
		return new Promise< PaymentIntentResult >( () => {} );
	}
	return result;
}

/**
 * The return_url with the query Stripe appends after a redirect.
 *
 * @param returnUrl    The merchant's return_url.
 * @param intent       The intent.
 * @param clientSecret Its client secret.
 */
export function returnUrlWithOutcome(
	returnUrl: string,
	intent: PaymentIntent,
	clientSecret: string
): string {
	const url = new URL( returnUrl, window.location.href );
	url.searchParams.set( 'payment_intent', intent.id );
	url.searchParams.set( 'payment_intent_client_secret', clientSecret );
	url.searchParams.set(
		'redirect_status',
		intent.status === 'succeeded' || intent.status === 'processing'
			? 'succeeded'
			: 'failed'
	);
	return url.href;
}
