/**
 * What the screen shows of a rejected `apiFetch` call.
 */
import { __ } from '@wordpress/i18n';

import type { RestError } from './types';

function asRestError( error: unknown ): RestError {
	return typeof error === 'object' && error !== null
		? ( error as RestError )
		: {};
}

/**
 * The error's message, or a generic one when it has none (a network failure, a non-JSON answer).
 *
 * @param error What the promise rejected with.
 */
export function errorMessage( error: unknown ): string {
	const { message } = asRestError( error );
	return typeof message === 'string' && message !== ''
		? message
		: __(
				'The request failed. Check your connection and try again.',
				'switchboard'
			);
}

/**
 * The per-field messages of a 400 from the settings route, keyed by service id.
 *
 * @param error What the promise rejected with.
 */
export function fieldErrors( error: unknown ): Record< string, string > {
	const fields = asRestError( error ).data?.fields;
	if ( typeof fields !== 'object' || fields === null ) {
		return {};
	}
	const result: Record< string, string > = {};
	for ( const [ id, message ] of Object.entries( fields ) ) {
		if ( typeof message === 'string' ) {
			result[ id ] = message;
		}
	}
	return result;
}

/**
 * Whether a call was aborted on purpose (a newer refresh superseded it, or the screen went away).
 *
 * @param error What the promise rejected with.
 */
export function isAbort( error: unknown ): boolean {
	return (
		typeof error === 'object' &&
		error !== null &&
		( error as { name?: unknown } ).name === 'AbortError'
	);
}
