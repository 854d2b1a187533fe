/**
 * The PaymentIntent lifecycle through the real SDK: each test card and test PaymentMethod id, updates,
 * cancellation, 3-D Secure completion and failure, list pagination.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import type Stripe from 'stripe';

import { rejection, startHarness, type Harness } from './helpers';

let harness: Harness;
before( async () => {
	harness = await startHarness();
} );
after( () => harness.close() );

const create = ( amount = 2000 ) =>
	harness.stripe.paymentIntents.create( {
		amount,
		currency: 'usd',
		automatic_payment_methods: { enabled: true },
		description: 'Order 42',
		metadata: { order: '42' },
		receipt_email: 'ada@example.test',
	} );

const cardMethod = ( number: string ) =>
	harness.stripe.paymentMethods.create( {
		type: 'card',
		card: { number, exp_month: 12, exp_year: 2040, cvc: '123' },
	} );

const eventTypes = async ( intent: string ) =>
	( await harness.stripe.events.list( { limit: 100 } ) ).data
		.filter(
			( event ) =>
				( event.data.object as { id: string } ).id === intent ||
				( event.data.object as { payment_intent?: string } )
					.payment_intent === intent
		)
		.map( ( event ) => event.type )
		.reverse();

describe( 'create and retrieve', () => {
	test( 'a new intent waits for a payment method, with its parameters kept', async () => {
		const intent = await create();
		assert.match( intent.id, /^pi_[A-Za-z0-9]{24}$/ );
		assert.match(
			intent.client_secret ?? '',
			new RegExp( `^${ intent.id }_secret_[A-Za-z0-9]+$` )
		);
		assert.equal( intent.status, 'requires_payment_method' );
		assert.equal( intent.amount, 2000 );
		assert.equal( intent.currency, 'usd' );
		assert.deepEqual( intent.metadata, { order: '42' } );
		assert.equal( intent.description, 'Order 42' );
		assert.equal( intent.receipt_email, 'ada@example.test' );
		assert.deepEqual( intent.automatic_payment_methods, {
			allow_redirects: 'always',
			enabled: true,
		} );
		assert.equal( intent.livemode, false );
		assert.equal( intent.amount_received, 0 );
		const again = await harness.stripe.paymentIntents.retrieve( intent.id );
		assert.deepEqual( again, intent );
		assert.deepEqual( await eventTypes( intent.id ), [
			'payment_intent.created',
		] );
	} );

	test( 'the currency is lower-cased; Stripe minimums and missing parameters are refused', async () => {
		const intent = await harness.stripe.paymentIntents.create( {
			amount: 30,
			currency: 'GBP',
			allowed_payment_method_types: [ 'card' ],
		} );
		assert.equal( intent.currency, 'gbp' );
		assert.equal( intent.automatic_payment_methods, null );
		assert.deepEqual( intent.allowed_payment_method_types, [ 'card' ] );
		assert.deepEqual( intent.payment_method_types, [ 'card' ] );

		const small = await rejection(
			harness.stripe.paymentIntents.create( {
				amount: 49,
				currency: 'usd',
			} )
		);
		assert.equal( small.type, 'StripeInvalidRequestError' );
		assert.equal( small.code, 'amount_too_small' );
		assert.equal( small.param, 'amount' );
		assert.equal( small.message, 'Amount must be at least $0.50 usd' );
		assert.equal( small.statusCode, 400 );

		const missing = await rejection(
			harness.stripe.paymentIntents.create( {
				currency: 'usd',
			} as Stripe.PaymentIntentCreateParams )
		);
		assert.equal( missing.code, 'parameter_missing' );
		assert.equal( missing.message, 'Missing required param: amount.' );

		const notInteger = await rejection(
			harness.stripe.paymentIntents.create( {
				amount: 'ten' as unknown as number,
				currency: 'usd',
			} )
		);
		assert.equal( notInteger.code, 'parameter_invalid_integer' );

		const unknown = await rejection(
			harness.stripe.paymentIntents.create( {
				amount: 1000,
				currency: 'usd',
				colour: 'blue',
			} as Stripe.PaymentIntentCreateParams )
		);
		assert.equal( unknown.code, 'parameter_unknown' );
		assert.equal( unknown.message, 'Received unknown parameter: colour' );
	} );

	test( 'an unknown id is a 404 resource_missing in Stripe words', async () => {
		const error = await rejection(
			harness.stripe.paymentIntents.retrieve( 'pi_nope' )
		);
		assert.equal( error.type, 'StripeInvalidRequestError' );
		assert.equal( error.statusCode, 404 );
		assert.equal( error.code, 'resource_missing' );
		assert.equal( error.message, "No such payment_intent: 'pi_nope'" );
	} );
} );

describe( 'confirm', () => {
	test( 'pm_card_visa succeeds: charge, amount_received, events', async () => {
		const intent = await create();
		const confirmed = await harness.stripe.paymentIntents.confirm(
			intent.id,
			{
				payment_method: 'pm_card_visa',
				return_url: 'https://shop.example.test/done',
			}
		);
		assert.equal( confirmed.status, 'succeeded' );
		assert.equal( confirmed.amount_received, 2000 );
		assert.match( String( confirmed.payment_method ), /^pm_/ );
		assert.notEqual( confirmed.payment_method, 'pm_card_visa' );
		assert.equal( confirmed.next_action, null );
		const charge = await harness.stripe.charges.retrieve(
			String( confirmed.latest_charge )
		);
		assert.match( charge.id, /^ch_/ );
		assert.equal( charge.paid, true );
		assert.equal( charge.captured, true );
		assert.equal( charge.status, 'succeeded' );
		assert.equal( charge.amount_refunded, 0 );
		assert.equal( charge.refunded, false );
		assert.equal( charge.payment_intent, intent.id );
		assert.deepEqual(
			[
				charge.payment_method_details?.card?.brand,
				charge.payment_method_details?.card?.last4,
			],
			[ 'visa', '4242' ]
		);
		assert.deepEqual( await eventTypes( intent.id ), [
			'payment_intent.created',
			'charge.succeeded',
			'payment_intent.succeeded',
		] );
		const expanded = await harness.stripe.paymentIntents.retrieve(
			intent.id,
			{
				expand: [ 'latest_charge', 'payment_method' ],
			}
		);
		assert.equal(
			( expanded.latest_charge as Stripe.Charge ).id,
			charge.id
		);
		assert.equal(
			( expanded.payment_method as Stripe.PaymentMethod ).card?.last4,
			'4242'
		);
	} );

	test( 'the card number 4242 4242 4242 4242 succeeds, also through create with confirm=true', async () => {
		const method = await cardMethod( '4242424242424242' );
		const intent = await harness.stripe.paymentIntents.create( {
			amount: 1500,
			currency: 'eur',
			confirm: true,
			payment_method: method.id,
			return_url: 'https://shop.example.test/done',
		} );
		assert.equal( intent.status, 'succeeded' );
		assert.equal( intent.payment_method, method.id );
	} );

	const declines: [ string, string, string, string ][] = [
		[
			'pm_card_chargeDeclined',
			'card_declined',
			'generic_decline',
			'Your card was declined.',
		],
		[
			'pm_card_chargeDeclinedInsufficientFunds',
			'card_declined',
			'insufficient_funds',
			'Your card has insufficient funds.',
		],
		[
			'4000000000000002',
			'card_declined',
			'generic_decline',
			'Your card was declined.',
		],
		[
			'4000000000009995',
			'card_declined',
			'insufficient_funds',
			'Your card has insufficient funds.',
		],
		[
			'4000000000000341',
			'card_declined',
			'generic_decline',
			'Your card was declined.',
		],
		[
			'4000000000000069',
			'expired_card',
			'expired_card',
			'Your card has expired.',
		],
	];
	for ( const [ card, code, declineCode, message ] of declines ) {
		test( `${ card } is declined (${ declineCode }) as a 402 StripeCardError`, async () => {
			const intent = await create();
			const method = card.startsWith( 'pm_' )
				? card
				: ( await cardMethod( card ) ).id;
			const error = await rejection(
				harness.stripe.paymentIntents.confirm( intent.id, {
					payment_method: method,
				} )
			);
			assert.equal( error.type, 'StripeCardError' );
			assert.equal( error.statusCode, 402 );
			assert.equal( error.code, code );
			assert.equal( error.decline_code, declineCode );
			assert.equal( error.message, message );
			assert.equal( error.raw.type, 'card_error' );
			assert.match( error.raw.charge, /^ch_/ );
			assert.match(
				error.raw.request_log_url,
				/^https:\/\/dashboard\.stripe\.com\/test\/logs\/req_/
			);
			assert.equal( error.raw.payment_intent.id, intent.id );
			assert.equal(
				error.raw.payment_intent.status,
				'requires_payment_method'
			);
			assert.equal( error.payment_intent.id, intent.id );

			const failed = await harness.stripe.paymentIntents.retrieve(
				intent.id
			);
			assert.equal( failed.status, 'requires_payment_method' );
			assert.equal( failed.payment_method, null );
			assert.equal( failed.last_payment_error?.code, code );
			assert.equal(
				failed.last_payment_error?.decline_code,
				declineCode
			);
			assert.equal( failed.last_payment_error?.type, 'card_error' );
			const charge = await harness.stripe.charges.retrieve(
				String( failed.latest_charge )
			);
			assert.equal( charge.status, 'failed' );
			assert.equal( charge.paid, false );
			assert.equal( charge.failure_code, code );
			assert.deepEqual( ( await eventTypes( intent.id ) ).slice( 1 ), [
				'charge.failed',
				'payment_intent.payment_failed',
			] );

			// A second attempt with a good card succeeds.
			const retried = await harness.stripe.paymentIntents.confirm(
				intent.id,
				{
					payment_method: 'pm_card_visa',
				}
			);
			assert.equal( retried.status, 'succeeded' );
			assert.equal( retried.last_payment_error, null );
		} );
	}

	for ( const card of [
		'pm_card_authenticationRequired',
		'pm_card_threeDSecure2Required',
		'4000002760003184',
	] ) {
		test( `${ card } asks for 3-D Secure; completing it succeeds`, async () => {
			const intent = await create();
			const method = card.startsWith( 'pm_' )
				? card
				: ( await cardMethod( card ) ).id;
			const pending = await harness.stripe.paymentIntents.confirm(
				intent.id,
				{
					payment_method: method,
					return_url: 'https://shop.example.test/return?step=3',
				}
			);
			assert.equal( pending.status, 'requires_action' );
			assert.equal( pending.next_action?.type, 'redirect_to_url' );
			const redirect = pending.next_action?.redirect_to_url;
			assert.equal(
				redirect?.return_url,
				'https://shop.example.test/return?step=3'
			);
			assert.equal(
				redirect?.url,
				`${ harness.standin.url }/_standin/3ds/${ intent.id }?client_secret=${ encodeURIComponent(
					String( intent.client_secret )
				) }`
			);

			const wrong = await harness.raw( `/_standin/3ds/${ intent.id }`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify( {
					outcome: 'complete',
					client_secret: `${ intent.id }_secret_wrong`,
				} ),
			} );
			assert.equal( wrong.status, 400 );

			const answer = await harness.raw( `/_standin/3ds/${ intent.id }`, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json' },
				body: JSON.stringify( {
					outcome: 'complete',
					client_secret: intent.client_secret,
				} ),
			} );
			assert.equal( answer.status, 200 );
			const body = ( await answer.json() ) as Record< string, string >;
			assert.equal( body.status, 'succeeded' );
			assert.equal(
				body.return_url,
				'https://shop.example.test/return?step=3'
			);
			const target = new URL( body.redirect_url ?? '' );
			assert.equal( target.searchParams.get( 'step' ), '3' );
			assert.equal(
				target.searchParams.get( 'payment_intent' ),
				intent.id
			);
			assert.equal(
				target.searchParams.get( 'payment_intent_client_secret' ),
				intent.client_secret
			);
			assert.equal(
				target.searchParams.get( 'redirect_status' ),
				'succeeded'
			);

			const done = await harness.stripe.paymentIntents.retrieve(
				intent.id
			);
			assert.equal( done.status, 'succeeded' );
			const charge = await harness.stripe.charges.retrieve(
				String( done.latest_charge )
			);
			assert.equal(
				charge.payment_method_details?.card?.three_d_secure?.result,
				'authenticated'
			);
			assert.deepEqual( await eventTypes( intent.id ), [
				'payment_intent.created',
				'payment_intent.requires_action',
				'charge.succeeded',
				'payment_intent.succeeded',
			] );
		} );
	}

	test( 'a failed 3-D Secure challenge (form post) sends the intent back with authentication_failure', async () => {
		const intent = await create();
		await harness.stripe.paymentIntents.confirm( intent.id, {
			payment_method: 'pm_card_threeDSecure2Required',
			return_url: 'https://shop.example.test/return',
		} );
		const answer = await harness.raw( `/_standin/3ds/${ intent.id }`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				'Content-Type': 'application/x-www-form-urlencoded',
				Accept: 'text/html',
			},
			body: new URLSearchParams( {
				outcome: 'fail',
				client_secret: String( intent.client_secret ),
			} ).toString(),
		} );
		assert.equal( answer.status, 303 );
		assert.equal(
			new URL( answer.headers.get( 'location' ) ?? '' ).searchParams.get(
				'redirect_status'
			),
			'failed'
		);
		const failed = await harness.stripe.paymentIntents.retrieve(
			intent.id
		);
		assert.equal( failed.status, 'requires_payment_method' );
		assert.equal(
			failed.last_payment_error?.code,
			'payment_intent_authentication_failure'
		);
		assert.equal( failed.next_action, null );
		assert.deepEqual( ( await eventTypes( intent.id ) ).slice( -1 ), [
			'payment_intent.payment_failed',
		] );

		const again = await harness.raw( `/_standin/3ds/${ intent.id }`, {
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify( {
				outcome: 'complete',
				client_secret: intent.client_secret,
			} ),
		} );
		assert.equal( again.status, 400, 'no challenge is waiting any more' );
	} );

	test( 'confirming without a payment method, or after success, is payment_intent_unexpected_state', async () => {
		const intent = await create();
		const missing = await rejection(
			harness.stripe.paymentIntents.confirm( intent.id )
		);
		assert.equal( missing.code, 'payment_intent_unexpected_state' );
		await harness.stripe.paymentIntents.confirm( intent.id, {
			payment_method: 'pm_card_visa',
		} );
		const twice = await rejection(
			harness.stripe.paymentIntents.confirm( intent.id, {
				payment_method: 'pm_card_visa',
			} )
		);
		assert.equal( twice.code, 'payment_intent_unexpected_state' );
		assert.equal( twice.raw.payment_intent.status, 'succeeded' );
		const unknownMethod = await rejection(
			harness.stripe.paymentIntents.confirm( ( await create() ).id, {
				payment_method: 'pm_missing',
			} )
		);
		assert.equal( unknownMethod.statusCode, 404 );
		assert.equal(
			unknownMethod.message,
			"No such PaymentMethod: 'pm_missing'"
		);
	} );
} );

describe( 'update and cancel', () => {
	test( 'amount, metadata and description change while not final; not after success', async () => {
		const intent = await create();
		const updated = await harness.stripe.paymentIntents.update( intent.id, {
			amount: 2500,
			metadata: { order: '', cart: 'c-9' },
			description: 'Order 43',
		} );
		assert.equal( updated.amount, 2500 );
		assert.deepEqual( updated.metadata, { cart: 'c-9' } );
		assert.equal( updated.description, 'Order 43' );
		await harness.stripe.paymentIntents.confirm( intent.id, {
			payment_method: 'pm_card_visa',
		} );
		const late = await rejection(
			harness.stripe.paymentIntents.update( intent.id, { amount: 3000 } )
		);
		assert.equal( late.code, 'payment_intent_unexpected_state' );
		assert.match(
			late.message,
			/could not be updated because it has a status of succeeded/
		);
	} );

	test( 'cancel records the reason and time and emits payment_intent.canceled; a canceled intent cannot be confirmed', async () => {
		const intent = await create();
		const canceled = await harness.stripe.paymentIntents.cancel(
			intent.id,
			{
				cancellation_reason: 'requested_by_customer',
			}
		);
		assert.equal( canceled.status, 'canceled' );
		assert.equal( canceled.cancellation_reason, 'requested_by_customer' );
		assert.equal( typeof canceled.canceled_at, 'number' );
		assert.deepEqual( ( await eventTypes( intent.id ) ).slice( -1 ), [
			'payment_intent.canceled',
		] );
		const error = await rejection(
			harness.stripe.paymentIntents.confirm( intent.id, {
				payment_method: 'pm_card_visa',
			} )
		);
		assert.equal( error.code, 'payment_intent_unexpected_state' );
		const again = await rejection(
			harness.stripe.paymentIntents.cancel( intent.id )
		);
		assert.equal( again.code, 'payment_intent_unexpected_state' );
	} );
} );

describe( 'list', () => {
	test( 'pages newest first with starting_after and has_more; the SDK auto-pages', async () => {
		const local = await startHarness();
		try {
			const ids: string[] = [];
			for ( let index = 0; index < 5; index++ ) {
				ids.push(
					(
						await local.stripe.paymentIntents.create( {
							amount: 1000 + index,
							currency: 'usd',
						} )
					).id
				);
			}
			const first = await local.stripe.paymentIntents.list( {
				limit: 2,
			} );
			assert.equal( first.object, 'list' );
			assert.equal( first.url, '/v1/payment_intents' );
			assert.deepEqual(
				first.data.map( ( item ) => item.id ),
				[ ids[ 4 ], ids[ 3 ] ]
			);
			assert.equal( first.has_more, true );
			const second = await local.stripe.paymentIntents.list( {
				limit: 2,
				starting_after: ids[ 3 ],
			} );
			assert.deepEqual(
				second.data.map( ( item ) => item.id ),
				[ ids[ 2 ], ids[ 1 ] ]
			);
			const last = await local.stripe.paymentIntents.list( {
				limit: 2,
				starting_after: ids[ 1 ],
			} );
			assert.deepEqual(
				last.data.map( ( item ) => item.id ),
				[ ids[ 0 ] ]
			);
			assert.equal( last.has_more, false );
			const before3 = await local.stripe.paymentIntents.list( {
				limit: 2,
				ending_before: ids[ 1 ],
			} );
			assert.deepEqual(
				before3.data.map( ( item ) => item.id ),
				[ ids[ 3 ], ids[ 2 ] ]
			);
			assert.equal( before3.has_more, true );
			const all: string[] = [];
			for await ( const item of local.stripe.paymentIntents.list( {
				limit: 2,
			} ) ) {
				all.push( item.id );
			}
			assert.deepEqual( all, [ ...ids ].reverse() );
			const created = (
				await local.stripe.paymentIntents.retrieve( ids[ 0 ] ?? '' )
			).created;
			const range = await local.stripe.paymentIntents.list( {
				created: { gte: created + 3600 },
			} );
			assert.deepEqual( range.data, [] );
		} finally {
			await local.close();
		}
	} );
} );
