/**
 * The configuration helpers: defaults, refusals that name the variable, and no value ever echoed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import {
	ConfigError,
	duration,
	hostFrom,
	httpUrl,
	logLevelFrom,
	portFrom,
	wordpressSiteFrom,
} from '../src';

/**
 * Asserts a ConfigError whose message names `name` and does not hold `value`.
 *
 * @param run   What should throw.
 * @param name  The variable the message must name.
 * @param value A value the message must not show.
 */
function refuses( run: () => unknown, name: string, value: string ): void {
	assert.throws( run, ( error: unknown ) => {
		assert.ok( error instanceof ConfigError );
		assert.ok( error.message.includes( name ), error.message );
		assert.ok( ! error.message.includes( value ), error.message );
		return true;
	} );
}

describe( 'configuration helpers', () => {
	it( 'reads the port, host and log level with their defaults', () => {
		assert.equal( portFrom( {}, 4101 ), 4101 );
		assert.equal( portFrom( { PORT: '0' }, 4101 ), 0 );
		assert.equal( hostFrom( {} ), '127.0.0.1' );
		assert.equal( hostFrom( { HOST: '::' } ), '::' );
		assert.equal( logLevelFrom( {} ), 'info' );
		assert.equal( logLevelFrom( { LOG_LEVEL: 'silent' } ), 'silent' );
		refuses( () => portFrom( { PORT: '70000' }, 1 ), 'PORT', '70000' );
		refuses(
			() => logLevelFrom( { LOG_LEVEL: 'loud' } ),
			'LOG_LEVEL',
			'loud'
		);
	} );

	it( 'reads optional http(s) URLs and durations', () => {
		assert.equal( httpUrl( {}, 'X_URL' ), null );
		assert.equal(
			httpUrl( { X_URL: 'https://a.test/b' }, 'X_URL' )?.href,
			'https://a.test/b'
		);
		refuses(
			() => httpUrl( { X_URL: 'ftp://sk_test_x' }, 'X_URL' ),
			'X_URL',
			'sk_test_x'
		);
		refuses(
			() => httpUrl( { X_URL: 'not a url' }, 'X_URL' ),
			'X_URL',
			'not a url'
		);
		assert.equal( duration( {}, 'X_MS', 250 ), 250 );
		assert.equal( duration( { X_MS: '0' }, 'X_MS', 250 ), 0 );
		refuses( () => duration( { X_MS: '1.5' }, 'X_MS', 1 ), 'X_MS', '1.5' );
		refuses(
			() => duration( { X_MS: String( 2 ** 31 ) }, 'X_MS', 1 ),
			'X_MS',
			String( 2 ** 31 )
		);
	} );

	it( 'finds WordPress from either variable, the first winning', () => {
		assert.deepEqual(
			wordpressSiteFrom( {
				SWITCHBOARD_WP_URL: 'http://localhost:8888/',
				SWITCHBOARD_WP_COOKIE: 'a=1',
			} ),
			{
				wordpressUrl: 'http://localhost:8888',
				jwksUrl: 'http://localhost:8888/wp-json/switchboard/v1/jwks',
				wordpressCookie: 'a=1',
			}
		);
		assert.equal(
			wordpressSiteFrom( {
				SWITCHBOARD_WORDPRESS_URL: 'https://site.test',
				SWITCHBOARD_WP_URL: 'http://other.test',
			} ).wordpressUrl,
			'https://site.test'
		);
		refuses(
			() => wordpressSiteFrom( {} ),
			'SWITCHBOARD_WORDPRESS_URL',
			'undefined'
		);
	} );
} );
