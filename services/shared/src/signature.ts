/**
 * The Switchboard webhook signature, both ways: services check the gateway's events with it and sign their
 * callbacks to WordPress with it. `Switchboard-Signature: t=<unix>,v1=<hex>` where the hex is
 * HMAC-SHA256 of `<event id>.<t>.<exact body>` with the secret shared with WordPress (see
 * plugin/src/Events/Signature.php). Compared in constant time; timestamps more than five minutes away refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Seconds a timestamp may be away from now, either way. */
export const SIGNATURE_TOLERANCE_SEC = 300;

/** Same shape as the plugin's event ids. */
export const EVENT_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export type SignatureCheck =
	| { ok: true }
	| {
			ok: false;
			status: 400 | 401;
			code: 'bad_event_id' | 'bad_signature' | 'stale_signature';
			message: string;
	  };

/**
 * The hex signature of an event.
 *
 * @param secret    Shared secret.
 * @param id        Event id.
 * @param timestamp Unix time in seconds.
 * @param body      Exact body bytes.
 */
export function computeSignature(
	secret: string,
	id: string,
	timestamp: number,
	body: Buffer | string
): string {
	return createHmac( 'sha256', secret )
		.update( `${ id }.${ timestamp }.` )
		.update( body )
		.digest( 'hex' );
}

/**
 * @param secret Shared secret.
 * @param id     Value of `Switchboard-Event-Id`.
 * @param header Value of `Switchboard-Signature`.
 * @param body   Exact body bytes.
 * @param now    Unix time in seconds.
 */
export function checkSignature(
	secret: string,
	id: string | undefined,
	header: string | undefined,
	body: Buffer,
	now: number = Math.floor( Date.now() / 1000 )
): SignatureCheck {
	if ( id === undefined || ! EVENT_ID_PATTERN.test( id ) ) {
		return {
			ok: false,
			status: 400,
			code: 'bad_event_id',
			message: 'The Switchboard-Event-Id header is missing or malformed.',
		};
	}
	let timestamp: number | null = null;
	const signatures: Buffer[] = [];
	for ( const part of ( header ?? '' ).split( ',' ) ) {
		const [ key, value = '' ] = part.trim().split( '=', 2 );
		if ( key === 't' && /^\d{1,12}$/.test( value ) ) {
			timestamp = Number( value );
		} else if ( key === 'v1' && /^[0-9a-f]{64}$/.test( value ) ) {
			signatures.push( Buffer.from( value, 'hex' ) );
		}
	}
	if ( timestamp === null || signatures.length === 0 ) {
		return {
			ok: false,
			status: 401,
			code: 'bad_signature',
			message:
				'The Switchboard-Signature header is missing or malformed.',
		};
	}
	if ( Math.abs( now - timestamp ) > SIGNATURE_TOLERANCE_SEC ) {
		return {
			ok: false,
			status: 401,
			code: 'stale_signature',
			message: 'The signature timestamp is outside the accepted window.',
		};
	}
	const expected = Buffer.from(
		computeSignature( secret, id, timestamp, body ),
		'hex'
	);
	let valid = false;
	for ( const signature of signatures ) {
		// No early exit: the time taken does not depend on which signature matched.
		valid = timingSafeEqual( expected, signature ) || valid;
	}
	return valid
		? { ok: true }
		: {
				ok: false,
				status: 401,
				code: 'bad_signature',
				message: 'The signature does not match.',
			};
}
