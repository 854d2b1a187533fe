/**
 * Configuration checks, and the optional snapshot that keeps state across restarts.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import {
	ConfigError,
	DEFAULT_PUBLISHABLE_KEY,
	DEFAULT_SECRET_KEY,
	loadConfig,
} from '../src/config';
import { startHarness } from './helpers';

test( 'defaults: port 12111, documented test-only keys, no webhooks, memory only', () => {
	const config = loadConfig( {} );
	assert.equal( config.port, 12111 );
	assert.equal( config.host, '127.0.0.1' );
	assert.equal( config.publicUrl, 'http://127.0.0.1:12111' );
	assert.equal( config.secretKey, DEFAULT_SECRET_KEY );
	assert.equal( config.publishableKey, DEFAULT_PUBLISHABLE_KEY );
	assert.deepEqual( config.webhookUrls, [] );
	assert.equal( config.dataDir, null );
	assert.deepEqual( config.webhookRetry, {
		initialDelayMs: 1000,
		maxAttempts: 8,
		timeoutMs: 10000,
	} );
} );

test( 'live keys, a webhook URL without its secret, and bad numbers are refused without echoing secrets', () => {
	const live = 'sk_live_51Habcdefghijklmnop';
	assert.throws(
		() => loadConfig( { STANDIN_SECRET_KEY: live } ),
		( error: Error ) =>
			error instanceof ConfigError && ! error.message.includes( live )
	);
	assert.throws(
		() => loadConfig( { STANDIN_PUBLISHABLE_KEY: 'pk_live_abcdefghijkl' } ),
		ConfigError
	);
	assert.throws(
		() => loadConfig( { STANDIN_WEBHOOK_URL: 'http://127.0.0.1:9/hook' } ),
		/STANDIN_WEBHOOK_SECRET/
	);
	assert.throws(
		() =>
			loadConfig( {
				STANDIN_WEBHOOK_URL: 'http://127.0.0.1:9/hook',
				STANDIN_WEBHOOK_SECRET: 'not-a-whsec-secret',
			} ),
		( error: Error ) => ! error.message.includes( 'not-a-whsec-secret' )
	);
	assert.throws(
		() =>
			loadConfig( {
				STANDIN_WEBHOOK_URL: 'ftp://example.test',
				STANDIN_WEBHOOK_SECRET: 'whsec_0123456789',
			} ),
		ConfigError
	);
	assert.throws( () => loadConfig( { PORT: 'eighty' } ), ConfigError );
	assert.throws(
		() => loadConfig( { STANDIN_WEBHOOK_RETRY_MS: '0' } ),
		ConfigError
	);
	assert.throws( () => loadConfig( { LOG_LEVEL: 'loud' } ), ConfigError );
	assert.equal(
		loadConfig( { STANDIN_PUBLIC_URL: 'https://stripe.example.test/' } )
			.publicUrl,
		'https://stripe.example.test'
	);
} );

test( 'with STANDIN_DATA_DIR, intents, events and idempotency records survive a restart', async () => {
	const dataDir = await mkdtemp( join( tmpdir(), 'stripe-standin-' ) );
	try {
		const first = await startHarness( {
			env: { STANDIN_DATA_DIR: dataDir },
		} );
		const intent = await first.stripe.paymentIntents.create(
			{
				amount: 1000,
				currency: 'usd',
				confirm: true,
				payment_method: 'pm_card_visa',
				return_url: 'https://shop.example.test/',
			},
			{ idempotencyKey: 'persisted-key' }
		);
		await first.close();
		assert.deepEqual(
			( await readdir( dataDir ) ).filter( ( name ) =>
				name.endsWith( '.tmp' )
			),
			[]
		);

		const second = await startHarness( {
			env: { STANDIN_DATA_DIR: dataDir },
		} );
		try {
			const again = await second.stripe.paymentIntents.retrieve(
				intent.id
			);
			assert.equal( again.status, 'succeeded' );
			const replay = await second.stripe.paymentIntents.create(
				{
					amount: 1000,
					currency: 'usd',
					confirm: true,
					payment_method: 'pm_card_visa',
					return_url: 'https://shop.example.test/',
				},
				{ idempotencyKey: 'persisted-key' }
			);
			assert.equal( replay.id, intent.id );
			const events = await second.stripe.events.list( {
				type: 'payment_intent.succeeded',
			} );
			assert.equal( events.data.length, 1 );
			const refund = await second.stripe.refunds.create( {
				payment_intent: intent.id,
			} );
			assert.equal( refund.amount, 1000 );
		} finally {
			await second.close();
		}
	} finally {
		await rm( dataDir, { recursive: true, force: true } );
	}
} );

test( 'the controls reset everything and list webhook endpoints without secrets', async () => {
	const harness = await startHarness();
	try {
		await harness.stripe.paymentIntents.create( {
			amount: 1000,
			currency: 'usd',
		} );
		await harness.control( 'POST', '/_standin/failures', { count: 3 } );
		await harness.control( 'POST', '/_standin/reset' );
		assert.equal( harness.standin.state.failNext, 0 );
		assert.equal(
			( await harness.stripe.paymentIntents.list() ).data.length,
			0
		);
		const health = await harness.raw( '/health' );
		assert.deepEqual( await health.json(), { status: 'ok' } );
	} finally {
		await harness.close();
	}
} );
