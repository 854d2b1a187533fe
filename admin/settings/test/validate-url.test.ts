/**
 * The browser's copy of the gateway's base URL rule.
 */
import { describe, expect, it } from '@jest/globals';

import { checkServiceUrl } from '../validate-url';

describe( 'checkServiceUrl', () => {
	it.each( [
		'',
		'   ',
		'http://search.internal',
		'https://search.example.com:8443/api/v1',
		'http://127.0.0.1:7700/',
		'http://[::1]:3000',
		' HTTP://Search.Internal ',
	] )( 'accepts %j', ( url: string ) => {
		expect( checkServiceUrl( url ) ).toBeNull();
	} );

	it.each( [
		'not a url',
		'search.internal',
		'ftp://files.example',
		'javascript:alert(1)',
		'http://user:pass@search.internal',
		'http://search.internal/?q=1',
		'http://search.internal/#top',
		'http://search.internal/a b',
		'http://search.internal/../admin',
		'http://search.internal/%2e%2e',
		'http://-bad-.example',
		'http://',
		'http:///path',
		'http://search.internal\\admin',
	] )( 'refuses %j with a message', ( url: string ) => {
		expect( checkServiceUrl( url ) ).toMatch( /http:\/\/ or https:\/\// );
	} );
} );
