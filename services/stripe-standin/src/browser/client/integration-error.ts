/**
 * Stripe.js throws `IntegrationError` for mistakes in the calling code (a secret key, a missing element),
 * as opposed to resolving `{ error }` for what the visitor or the API did.
 */
export class IntegrationError extends Error {
	override readonly name = 'IntegrationError';
}
