/**
 * Configuration: defaults, every required variable, key shapes and modes, and errors that name the
 * variable without ever echoing a secret.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { ConfigError, loadConfig } from '../src/config';

const SECRET = 'sk_test_51AbCdEfGhIjKlMnOpQrStUv';
const PUBLISHABLE = 'pk_test_51AbCdEfGhIjKlMnOpQrStUv';
const WHSEC = 'whsec_0123456789abcdefABCDEF';

const valid = (): NodeJS.ProcessEnv => ( {
	SWITCHBOARD_WORDPRESS_URL: 'http://localhost:8888/',
	STRIPE_SECRET_KEY: SECRET,
	STRIPE_PUBLISHABLE_KEY: PUBLISHABLE,
	STRIPE_WEBHOOK_SECRET: WHSEC,
	SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET: 'callback-secret-0123456789',
} );

/**
 * Asserts that loading fails with a message naming the variable and holding no secret value.
 *
 * @param env      The environment.
 * @param variable The variable the message must name.
 */
function refuses( env: NodeJS.ProcessEnv, variable: string ): void {
	assert.throws(
		() => loadConfig( env ),
		( error: unknown ) => {
			assert.ok( error instanceof ConfigError );
			assert.ok( error.message.includes( variable ), error.message );
			for ( const value of Object.values( env ) ) {
				if (
					value !== undefined &&
					/^(sk|rk|pk|whsec)_/.test( value )
				) {
					assert.ok(
						! error.message.includes( value ),
						`The message echoes ${ variable }.`
					);
				}
			}
			assert.doesNotMatch( error.message, /callback-secret/ );
			return true;
		}
	);
}

describe( 'loadConfig', () => {
	it( 'reads a valid environment with defaults', () => {
		const config = loadConfig( valid() );
		assert.equal( config.port, 4103 );
		assert.equal( config.host, '127.0.0.1' );
		assert.equal( config.wordpressUrl, 'http://localhost:8888' );
		assert.equal(
			config.jwksUrl,
			'http://localhost:8888/wp-json/switchboard/v1/jwks'
		);
		assert.equal( config.audience, 'payments' );
		assert.equal( config.stripe.mode, 'test' );
		assert.deepEqual( config.stripe.webhookSecrets, [ WHSEC ] );
		assert.equal( config.stripe.apiBase, null );
		assert.equal( config.stripe.jsUrl, null );
		assert.equal(
			config.callbackUrl,
			'http://localhost:8888/?rest_route=/switchboard/v1/webhooks/payments'
		);
		assert.deepEqual( config.timings, {
			reconcileIntervalMs: 60_000,
			reconcileAfterMs: 120_000,
			abandonAfterMs: 86_400_000,
			callbackRetryBaseMs: 1_000,
			callbackRetryCapMs: 300_000,
			callbackTimeoutMs: 10_000,
		} );
		assert.match( config.dataDir, /payments[/\\]\.data$/ );
	} );

	it( 'takes overrides, SWITCHBOARD_WP_URL, several webhook secrets and a restricted live key', () => {
		const config = loadConfig( {
			...valid(),
			SWITCHBOARD_WORDPRESS_URL: undefined,
			SWITCHBOARD_WP_URL: 'https://shop.example.org',
			PORT: '0',
			DATA_DIR: '/tmp/ledger',
			STRIPE_SECRET_KEY: 'rk_live_51AbCdEfGhIjKlMnOp',
			STRIPE_PUBLISHABLE_KEY: 'pk_live_51AbCdEfGhIjKlMnOp',
			STRIPE_WEBHOOK_SECRET: `${ WHSEC }, whsec_older0123456789`,
			STRIPE_API_BASE: 'http://127.0.0.1:12111',
			STRIPE_JS_URL: 'http://127.0.0.1:12111/v3/',
			SWITCHBOARD_PAYMENTS_CALLBACK_URL:
				'https://shop.example.org/wp-json/switchboard/v1/webhooks/payments',
			RECONCILE_AFTER_MS: '0',
		} );
		assert.equal( config.port, 0 );
		assert.equal( config.wordpressUrl, 'https://shop.example.org' );
		assert.equal( config.dataDir, '/tmp/ledger' );
		assert.equal( config.stripe.mode, 'live' );
		assert.deepEqual( config.stripe.webhookSecrets, [
			WHSEC,
			'whsec_older0123456789',
		] );
		assert.equal( config.stripe.apiBase?.port, '12111' );
		assert.equal( config.stripe.jsUrl, 'http://127.0.0.1:12111/v3/' );
		assert.equal(
			config.callbackUrl,
			'https://shop.example.org/wp-json/switchboard/v1/webhooks/payments'
		);
		assert.equal( config.timings.reconcileAfterMs, 0 );
	} );

	it( 'refuses a missing or malformed variable, naming it and echoing no secret', () => {
		refuses(
			{ ...valid(), SWITCHBOARD_WORDPRESS_URL: undefined },
			'SWITCHBOARD_WORDPRESS_URL'
		);
		refuses(
			{ ...valid(), SWITCHBOARD_WORDPRESS_URL: 'ftp://example.org' },
			'SWITCHBOARD_WORDPRESS_URL'
		);
		refuses( { ...valid(), PORT: '70000' }, 'PORT' );
		refuses( { ...valid(), LOG_LEVEL: 'loud' }, 'LOG_LEVEL' );
		refuses(
			{ ...valid(), STRIPE_SECRET_KEY: undefined },
			'STRIPE_SECRET_KEY'
		);
		refuses(
			{ ...valid(), STRIPE_SECRET_KEY: PUBLISHABLE },
			'STRIPE_SECRET_KEY'
		);
		refuses(
			{ ...valid(), STRIPE_SECRET_KEY: 'sk_test_short' },
			'STRIPE_SECRET_KEY'
		);
		refuses(
			{ ...valid(), STRIPE_SECRET_KEY: 'sk_prod_51AbCdEfGhIjKlMnOp' },
			'STRIPE_SECRET_KEY'
		);
		refuses(
			{ ...valid(), STRIPE_PUBLISHABLE_KEY: undefined },
			'STRIPE_PUBLISHABLE_KEY'
		);
		refuses(
			{ ...valid(), STRIPE_PUBLISHABLE_KEY: SECRET },
			'STRIPE_PUBLISHABLE_KEY'
		);
		refuses(
			{
				...valid(),
				STRIPE_PUBLISHABLE_KEY: 'pk_live_51AbCdEfGhIjKlMnOp',
			},
			'STRIPE_PUBLISHABLE_KEY'
		);
		refuses(
			{ ...valid(), STRIPE_WEBHOOK_SECRET: undefined },
			'STRIPE_WEBHOOK_SECRET'
		);
		refuses(
			{
				...valid(),
				STRIPE_WEBHOOK_SECRET: `${ WHSEC },sk_test_51AbCdEfGhIjKl`,
			},
			'STRIPE_WEBHOOK_SECRET'
		);
		refuses(
			{ ...valid(), STRIPE_API_BASE: 'not a url' },
			'STRIPE_API_BASE'
		);
		refuses(
			{ ...valid(), STRIPE_JS_URL: 'javascript:alert(1)' },
			'STRIPE_JS_URL'
		);
		refuses(
			{ ...valid(), SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET: undefined },
			'SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET'
		);
		refuses(
			{ ...valid(), SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET: 'short' },
			'SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET'
		);
		refuses(
			{
				...valid(),
				SWITCHBOARD_PAYMENTS_CALLBACK_URL: 'mailto:x@example.org',
			},
			'SWITCHBOARD_PAYMENTS_CALLBACK_URL'
		);
		refuses(
			{ ...valid(), RECONCILE_INTERVAL_MS: '0' },
			'RECONCILE_INTERVAL_MS'
		);
		refuses( { ...valid(), ABANDON_AFTER_MS: '-1' }, 'ABANDON_AFTER_MS' );
		refuses(
			{ ...valid(), CALLBACK_RETRY_CAP_MS: '1.5' },
			'CALLBACK_RETRY_CAP_MS'
		);
	} );
} );
