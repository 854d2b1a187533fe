/**
 * The browser's copy of the gateway's rule for a service's base URL (ServiceRegistry::validate_url), so a
 * mistake is shown before anything is sent. The server checks again and has the last word.
 */
import { __ } from '@wordpress/i18n';

const HOST =
	/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$|^\[[0-9a-f:.]+\]$/i;
const PATH = /^(?:\/[A-Za-z0-9._~-]+)*\/?$/;

/** The message shown for a URL the gateway would refuse. */
export function invalidUrlMessage(): string {
	return __(
		'Enter an http:// or https:// address with a host, an optional port and path, and no user name, password, query or fragment.',
		'switchboard'
	);
}

/**
 * Why a base URL would be refused, or null when it is acceptable (an empty value clears the setting).
 *
 * @param value The URL as typed.
 */
export function checkServiceUrl( value: string ): string | null {
	const url = value.trim();
	if ( url === '' ) {
		return null;
	}
	if (
		url.length > 2048 ||
		/[\s\x00-\x1f\x7f\\@?#]/.test( url ) ||
		! /^https?:\/\/[^/]/i.test( url )
	) {
		return invalidUrlMessage();
	}

	let parsed: URL;
	try {
		parsed = new URL( url );
	} catch {
		return invalidUrlMessage();
	}
	const path = url.replace( /^https?:\/\/[^/]*/i, '' );
	const host = url.replace( /^https?:\/\//i, '' ).split( '/' )[ 0 ];
	const hostname = host.startsWith( '[' )
		? host.slice( 0, host.indexOf( ']' ) + 1 )
		: host.split( ':' )[ 0 ];
	const segments = path.split( '/' );
	if (
		parsed.username !== '' ||
		parsed.password !== '' ||
		! HOST.test( hostname ) ||
		! PATH.test( path ) ||
		segments.includes( '.' ) ||
		segments.includes( '..' )
	) {
		return invalidUrlMessage();
	}
	return null;
}
