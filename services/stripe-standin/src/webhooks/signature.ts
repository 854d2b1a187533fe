/**
 * Stripe's webhook signature: `Stripe-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">`, one
 * `v1` per secret in use (two while a rolled secret's old value still signs).
 */
import { createHmac } from 'node:crypto';

/**
 * The Stripe-Signature header value.
 *
 * @param body      The exact body sent.
 * @param secrets   The endpoint's signing secrets, newest first.
 * @param timestamp Unix seconds.
 */
export function signatureHeader(
	body: string,
	secrets: readonly string[],
	timestamp: number
): string {
	const signatures = secrets.map(
		( secret ) =>
			`v1=${ createHmac( 'sha256', secret )
				.update( `${ timestamp }.${ body }`, 'utf8' )
				.digest( 'hex' ) }`
	);
	return [ `t=${ timestamp }`, ...signatures ].join( ',' );
}
