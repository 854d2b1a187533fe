/**
 * The gateway's payment routes against the Stripe stand-in: one PaymentIntent per attempt key (double
 * clicks, retries, concurrent calls), 409 for a reused key, 502 for a Stripe failure that the same key then
 * recovers from, validation on every route, listing, history, config and the token.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';

import { STRIPE_API_VERSION } from '../src/stripe-client';
import {
	assertNoSecret,
	newKey,
	paymentBody,
	startHarness,
	STRIPE_PUBLISHABLE_KEY,
	type Harness,
} from './helpers';

describe( 'payments', () => {
	let h: Harness;

	before( async () => {
		h = await startHarness();
	} );

	after( () => h.close() );

	it( 'creates a payment with a client secret, then returns the same one for the same attempt', async () => {
		const body = paymentBody();
		const first = await h.api( 'POST', '/v1/payments', body );
		assert.equal( first.status, 201, first.text );
		assertNoSecret( 'The create answer', first.text, true );
		const { payment, clientSecret } = first.body;
		assert.match( payment.id, /^pay_[a-f0-9]{24}$/ );
		assert.equal( payment.status, 'requires_payment_method' );
		assert.equal( payment.amount, 2500 );
		assert.equal( payment.amountRefunded, 0 );
		assert.equal( payment.currency, 'usd' );
		assert.deepEqual( payment.reference, {
			postId: 42,
			blockId: 'pay-block-1',
		} );
		assert.equal( payment.email, 'visitor@example.org' );
		assert.equal( payment.livemode, false );
		assert.equal( payment.lastError, null );
		assert.match( payment.paymentIntentId, /^pi_/ );
		assert.match(
			clientSecret,
			new RegExp( `^${ payment.paymentIntentId }_secret_` )
		);

		const intent = await h.stripe.paymentIntents.retrieve(
			payment.paymentIntentId
		);
		assert.equal( intent.amount, 2500 );
		assert.equal( intent.metadata.switchboard_payment_id, payment.id );

		const again = await h.api( 'POST', '/v1/payments', body );
		assert.equal( again.status, 200 );
		assert.equal( again.body.payment.id, payment.id );
		assert.equal( again.body.clientSecret, clientSecret );
	} );

	it( 'makes one PaymentIntent for five concurrent creates with one key', async () => {
		const body = paymentBody();
		const existing = (
			await h.stripe.paymentIntents.list( { limit: 100 } )
		).data.length;
		const answers = await Promise.all(
			Array.from( { length: 5 }, () =>
				h.api( 'POST', '/v1/payments', body )
			)
		);
		assert.deepEqual(
			answers.map( ( answer ) => answer.status ).sort(),
			[ 200, 200, 200, 200, 201 ]
		);
		assert.equal(
			new Set( answers.map( ( answer ) => answer.body.payment.id ) ).size,
			1
		);
		assert.equal(
			new Set(
				answers.map( ( answer ) => answer.body.payment.paymentIntentId )
			).size,
			1
		);
		const afterwards = (
			await h.stripe.paymentIntents.list( { limit: 100 } )
		).data.length;
		assert.equal(
			afterwards - existing,
			1,
			'Stripe holds exactly one new intent.'
		);
	} );

	it( 'answers 409 when the same key comes with any different parameter, and charges nothing new', async () => {
		const body = paymentBody();
		const first = await h.api( 'POST', '/v1/payments', body );
		assert.equal( first.status, 201 );
		for ( const change of [
			{ amount: 2600 },
			{ currency: 'eur' },
			{ description: 'Another thing' },
			{ reference: { postId: 43, blockId: 'pay-block-1' } },
			{ returnUrl: 'http://localhost:8888/other/' },
			{ email: 'someone@example.org' },
		] ) {
			const conflict = await h.api( 'POST', '/v1/payments', {
				...body,
				...change,
			} );
			assert.equal( conflict.status, 409, JSON.stringify( change ) );
			assert.equal( conflict.body.code, 'idempotency_conflict' );
		}
		const { email: _email, ...withoutEmail } = body;
		const noEmail = await h.api( 'POST', '/v1/payments', withoutEmail );
		assert.equal(
			noEmail.status,
			409,
			'Leaving out the email is a different parameter too.'
		);
	} );

	it( 'answers 502 stripe_unavailable when Stripe fails, and the same key works afterwards', async () => {
		const body = paymentBody();
		await h.control( '/_standin/failures', { count: 1 } );
		const failed = await h.api( 'POST', '/v1/payments', body );
		assert.equal( failed.status, 502, failed.text );
		assert.equal( failed.body.code, 'stripe_unavailable' );

		const retried = await h.api( 'POST', '/v1/payments', body );
		assert.equal( retried.status, 201, retried.text );
		assert.match( retried.body.payment.paymentIntentId, /^pi_/ );
		assert.ok( retried.body.clientSecret );
	} );

	it( 'handles zero- and three-decimal currencies in minor units', async () => {
		const yen = await h.api(
			'POST',
			'/v1/payments',
			paymentBody( { amount: 500, currency: 'jpy' } )
		);
		assert.equal( yen.status, 201, yen.text );
		assert.equal( yen.body.payment.amount, 500 );
		const intent = await h.stripe.paymentIntents.retrieve(
			yen.body.payment.paymentIntentId
		);
		assert.equal( intent.amount, 500 );
		assert.equal( intent.currency, 'jpy' );

		// Three-decimal currencies are checked here, before Stripe (the stand-in does not take them).
		const tooSmall = await h.api(
			'POST',
			'/v1/payments',
			paymentBody( { amount: 150, currency: 'kwd' } )
		);
		assert.equal( tooSmall.status, 400 );
		assert.equal( tooSmall.body.code, 'invalid_amount' );
		const odd = await h.api(
			'POST',
			'/v1/payments',
			paymentBody( { amount: 1235, currency: 'kwd' } )
		);
		assert.equal( odd.status, 400 );
		assert.equal( odd.body.code, 'invalid_amount' );
	} );

	it( 'refuses invalid create bodies with 400 and the field in details', async () => {
		const cases: [ string, Record< string, unknown >, string ][] = [
			[ 'short attempt key', { attemptKey: 'short' }, 'invalid_request' ],
			[
				'attempt key with a slash',
				{ attemptKey: 'abc/def/ghi/jkl/mno' },
				'invalid_request',
			],
			[
				'amount below the USD minimum',
				{ amount: 49 },
				'invalid_amount',
			],
			[
				'amount below the GBP minimum',
				{ amount: 29, currency: 'gbp' },
				'invalid_amount',
			],
			[ 'amount too large', { amount: 100_000_000 }, 'invalid_request' ],
			[ 'fractional amount', { amount: 25.5 }, 'invalid_request' ],
			[ 'unknown currency', { currency: 'xyz' }, 'invalid_request' ],
			[ 'uppercase currency', { currency: 'USD' }, 'invalid_request' ],
			[
				'description too long',
				{ description: 'x'.repeat( 501 ) },
				'invalid_request',
			],
			[
				'post id 0',
				{ reference: { postId: 0, blockId: 'b' } },
				'invalid_request',
			],
			[
				'bad block id',
				{ reference: { postId: 1, blockId: 'a b' } },
				'invalid_request',
			],
			[
				'extra reference property',
				{ reference: { postId: 1, blockId: 'b', x: 1 } },
				'invalid_request',
			],
			[
				'ftp return URL',
				{ returnUrl: 'ftp://example.org/' },
				'invalid_request',
			],
			[
				'broken return URL',
				{ returnUrl: 'http://exa mple' },
				'invalid_request',
			],
			[ 'bad email', { email: 'not-an-email' }, 'invalid_request' ],
			[ 'extra property', { price: 1 }, 'invalid_request' ],
		];
		for ( const [ name, change, code ] of cases ) {
			const answer = await h.api(
				'POST',
				'/v1/payments',
				paymentBody( change )
			);
			assert.equal( answer.status, 400, `${ name }: ${ answer.text }` );
			assert.equal( answer.body.code, code, name );
			if ( code === 'invalid_request' && name !== 'broken return URL' ) {
				assert.ok(
					Array.isArray( answer.body.details ),
					`${ name } has details`
				);
			}
		}
		const missing = await h.api( 'POST', '/v1/payments', {
			attemptKey: newKey(),
		} );
		assert.equal( missing.status, 400 );
		const notJson = await fetch( `${ h.service.url }/v1/payments`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${ h.wordpress.token() }`,
				'Content-Type': 'application/json',
			},
			body: '{"attemptKey":',
		} );
		assert.equal( notJson.status, 400 );
		assert.equal(
			( ( await notJson.json() ) as { code: string } ).code,
			'invalid_json'
		);
	} );

	it( 'validates the other routes too', async () => {
		const checks: [ string, string, unknown, number ][] = [
			[ 'GET', '/v1/payments/not-an-id', undefined, 400 ],
			[
				'GET',
				'/v1/payments/pay_000000000000000000000000',
				undefined,
				404,
			],
			[
				'GET',
				'/v1/payments/pay_000000000000000000000000?refresh=2',
				undefined,
				400,
			],
			[ 'GET', '/v1/payments?limit=0', undefined, 400 ],
			[ 'GET', '/v1/payments?limit=101', undefined, 400 ],
			[ 'GET', '/v1/payments?status=paid', undefined, 400 ],
			[ 'GET', '/v1/payments?cursor=abc', undefined, 400 ],
			[ 'GET', '/v1/payments?other=1', undefined, 400 ],
			[
				'GET',
				'/v1/payments/pay_000000000000000000000000/events',
				undefined,
				404,
			],
			[
				'POST',
				'/v1/payments/pay_000000000000000000000000/refunds',
				{ refundKey: 'short' },
				400,
			],
			[
				'POST',
				'/v1/payments/pay_000000000000000000000000/refunds',
				{ refundKey: newKey(), amount: 0 },
				400,
			],
			[
				'POST',
				'/v1/payments/pay_000000000000000000000000/refunds',
				{ refundKey: newKey(), reason: 'bored' },
				400,
			],
			[
				'POST',
				'/v1/payments/pay_000000000000000000000000/refunds',
				{ refundKey: newKey(), extra: true },
				400,
			],
			[
				'POST',
				'/v1/payments/pay_000000000000000000000000/refunds',
				{ refundKey: newKey() },
				404,
			],
		];
		for ( const [ method, path, body, status ] of checks ) {
			const token = path.endsWith( '/refunds' )
				? h.wordpress.token( { sub: '1' } )
				: undefined;
			const answer = await h.api( method, path, body, token );
			assert.equal(
				answer.status,
				status,
				`${ method } ${ path }: ${ answer.text }`
			);
			assert.equal( typeof answer.body.code, 'string' );
			assert.equal( typeof answer.body.message, 'string' );
		}
	} );

	it( 'needs the gateway token everywhere but the probes and the Stripe webhook', async () => {
		for ( const [ method, path ] of [
			[ 'GET', '/v1/config' ],
			[ 'POST', '/v1/payments' ],
			[ 'GET', '/v1/payments' ],
			[ 'POST', '/v1/reconcile' ],
			[ 'GET', '/v1/callbacks/pending' ],
		] ) {
			const answer = await h.api( method, path, undefined, null );
			assert.equal( answer.status, 401, `${ method } ${ path }` );
			assert.equal( answer.body.code, 'unauthorized' );
		}
		const wrongAudience = await h.api(
			'GET',
			'/v1/config',
			undefined,
			h.wordpress.token( { aud: 'search' } )
		);
		assert.equal( wrongAudience.status, 401 );
		assert.equal(
			( await h.api( 'GET', '/health', undefined, null ) ).status,
			200
		);
		assert.deepEqual(
			( await h.api( 'GET', '/ready', undefined, null ) ).body,
			{ status: 'ready' }
		);
	} );

	it( 'tells the gateway what the browser needs, and nothing secret', async () => {
		const answer = await h.api( 'GET', '/v1/config' );
		assert.equal( answer.status, 200 );
		assert.deepEqual( answer.body, {
			mode: 'test',
			publishableKey: STRIPE_PUBLISHABLE_KEY,
			stripeJsUrl: null,
			apiVersion: STRIPE_API_VERSION,
		} );
		assert.equal( STRIPE_API_VERSION, '2026-10-28.endive' );
		assertNoSecret( 'The config answer', answer.text );
	} );

	it( 'lists payments newest first with a cursor, filtered by status', async () => {
		const made: string[] = [];
		for ( let i = 0; i < 3; i++ ) {
			made.push(
				( await h.api( 'POST', '/v1/payments', paymentBody() ) ).body
					.payment.id
			);
		}
		const first = await h.api( 'GET', '/v1/payments?limit=2' );
		assert.equal( first.status, 200 );
		assert.deepEqual(
			first.body.payments.map(
				( payment: { id: string } ) => payment.id
			),
			[ made[ 2 ], made[ 1 ] ]
		);
		assert.equal( typeof first.body.nextCursor, 'string' );
		const second = await h.api(
			'GET',
			`/v1/payments?limit=2&cursor=${ first.body.nextCursor }`
		);
		assert.equal( second.body.payments[ 0 ].id, made[ 0 ] );

		const all = await h.api( 'GET', '/v1/payments?limit=100' );
		assert.equal( all.body.nextCursor, null );
		const open = await h.api(
			'GET',
			'/v1/payments?status=requires_payment_method&limit=100'
		);
		assert.ok( open.body.payments.length >= 3 );
		assert.ok(
			open.body.payments.every(
				( payment: { status: string } ) =>
					payment.status === 'requires_payment_method'
			)
		);
		const none = await h.api( 'GET', '/v1/payments?status=refunded' );
		assert.deepEqual( none.body, { payments: [], nextCursor: null } );
	} );

	it( 'refuses refunds without a WordPress user, and of unpaid payments', async () => {
		const created = await h.api( 'POST', '/v1/payments', paymentBody() );
		const path = `/v1/payments/${ created.body.payment.id }/refunds`;
		const anonymous = await h.api( 'POST', path, { refundKey: newKey() } );
		assert.equal( anonymous.status, 403 );
		assert.equal( anonymous.body.code, 'user_required' );
		const unpaid = await h.api(
			'POST',
			path,
			{ refundKey: newKey() },
			h.wordpress.token( { sub: '1' } )
		);
		assert.equal( unpaid.status, 409 );
		assert.equal( unpaid.body.code, 'not_refundable' );
	} );
} );
