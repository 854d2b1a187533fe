/**
 * Every object the stand-in returns has the same top-level keys as Stripe's published example of the
 * same type (test/fixtures/stripe-examples.json, copied from Stripe's fixtures3.json), with values of the
 * same JSON type wherever both are non-null. Deliberate differences are listed in OMISSIONS (none today) and in
 * the README.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';

import { SECRET_KEY, startHarness, type Harness } from './helpers';

const FIXTURES = new URL( './fixtures/stripe-examples.json', import.meta.url );

/** Keys of Stripe's example the stand-in leaves out on purpose, by object type, with the reason. */
const OMISSIONS: Record< string, Record< string, string > > = {};

/**
 * Keys the stand-in returns beyond Stripe's example, with the reason: the example predates API version
 * 2026-10-28.endive, whose SDK types (stripe 23.1.0) require these (nullable) fields.
 */
const ADDITIONS: Record< string, Record< string, string > > = {
	payment_intent: {
		allowed_payment_method_types:
			'endive: the types the caller restricted the intent to, or null',
		payment_record: 'endive: always null here (no Payment Records)',
	},
};

/** Fields of Stripe's error hash (https://docs.stripe.com/api/errors). */
const ERROR_KEYS = [
	'advice_code',
	'charge',
	'code',
	'decline_code',
	'doc_url',
	'message',
	'network_advice_code',
	'network_decline_code',
	'param',
	'payment_intent',
	'payment_method',
	'payment_method_type',
	'request_log_url',
	'setup_intent',
	'source',
	'type',
];

function jsonType( value: unknown ): string {
	if ( value === null ) {
		return 'null';
	}
	return Array.isArray( value ) ? 'array' : typeof value;
}

let harness: Harness;
let fixtures: Record< string, Record< string, unknown > >;
before( async () => {
	harness = await startHarness();
	fixtures = (
		JSON.parse( readFileSync( FIXTURES, 'utf8' ) ) as {
			resources: Record< string, Record< string, unknown > >;
		}
	 ).resources;
} );
after( () => harness.close() );

function assertShape( type: string, object: Record< string, unknown > ) {
	const fixture = fixtures[ type ];
	assert.ok( fixture, `no fixture for ${ type }` );
	const omitted = Object.keys( OMISSIONS[ type ] ?? {} );
	const expected = [
		...Object.keys( fixture ).filter(
			( key ) => ! omitted.includes( key )
		),
		...Object.keys( ADDITIONS[ type ] ?? {} ),
	].sort();
	assert.deepEqual(
		Object.keys( object ).sort(),
		expected,
		`${ type } keys`
	);
	for ( const key of expected ) {
		const ours = jsonType( object[ key ] );
		const theirs = jsonType( fixture[ key ] );
		if ( ours !== 'null' && theirs !== 'null' ) {
			assert.equal( ours, theirs, `${ type }.${ key }` );
		}
	}
	assert.equal( object.object, type );
}

const raw = async ( path: string ) => {
	const response = await harness.raw( path, {
		headers: { Authorization: `Bearer ${ SECRET_KEY }` },
	} );
	return ( await response.json() ) as Record< string, unknown >;
};

test( "payment_intent, payment_method, charge, refund and event match Stripe's examples", async () => {
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
		confirm: true,
		payment_method: 'pm_card_visa',
		return_url: 'https://shop.example.test/done',
	} );
	const refund = await harness.stripe.refunds.create( {
		payment_intent: intent.id,
		amount: 100,
	} );
	const pending = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const action = await harness.stripe.paymentIntents.confirm( pending.id, {
		payment_method: 'pm_card_authenticationRequired',
		return_url: 'https://shop.example.test/done',
	} );

	for ( const id of [ intent.id, pending.id ] ) {
		assertShape(
			'payment_intent',
			await raw( `/v1/payment_intents/${ id }` )
		);
	}
	assert.equal( action.status, 'requires_action' );
	assertShape(
		'payment_method',
		await raw( `/v1/payment_methods/${ String( intent.payment_method ) }` )
	);
	assertShape(
		'charge',
		await raw( `/v1/charges/${ String( intent.latest_charge ) }` )
	);
	assertShape( 'refund', await raw( `/v1/refunds/${ refund.id }` ) );
	const events = await raw( '/v1/events?limit=100' );
	for ( const event of events.data as Record< string, unknown >[] ) {
		assertShape( 'event', event );
		const inner = ( event.data as { object: Record< string, unknown > } )
			.object;
		assertShape( String( inner.object ), inner );
	}
} );

test( 'a declined intent (last_payment_error set) keeps the shape too', async () => {
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	await harness.stripe.paymentIntents
		.confirm( intent.id, { payment_method: 'pm_card_chargeDeclined' } )
		.catch( () => null );
	const stored = await raw( `/v1/payment_intents/${ intent.id }` );
	assertShape( 'payment_intent', stored );
	assert.equal( jsonType( stored.last_payment_error ), 'object' );
	assertShape(
		'charge',
		await raw( `/v1/charges/${ String( stored.latest_charge ) }` )
	);
} );

test( 'lists are { object, data, has_more, url }', async () => {
	for ( const path of [
		'/v1/payment_intents',
		'/v1/refunds',
		'/v1/events',
		'/v1/charges',
	] ) {
		const list = await raw( path );
		assert.deepEqual( Object.keys( list ).sort(), [
			'data',
			'has_more',
			'object',
			'url',
		] );
		assert.equal( list.object, 'list' );
		assert.equal( list.url, path );
		assert.ok( Array.isArray( list.data ) );
		assert.equal( typeof list.has_more, 'boolean' );
	}
} );

test( "errors have only the fields of Stripe's error hash", async () => {
	const intent = await harness.stripe.paymentIntents.create( {
		amount: 1000,
		currency: 'usd',
	} );
	const answers = [
		await harness.raw( `/v1/payment_intents/${ intent.id }/confirm`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${ SECRET_KEY }`,
				'Content-Type': 'application/x-www-form-urlencoded',
			},
			body: 'payment_method=pm_card_chargeDeclinedInsufficientFunds',
		} ),
		await harness.raw( '/v1/payment_intents/pi_missing', {
			headers: { Authorization: `Bearer ${ SECRET_KEY }` },
		} ),
		await harness.raw( '/v1/payment_intents' ),
	];
	assert.deepEqual(
		answers.map( ( answer ) => answer.status ),
		[ 402, 404, 401 ]
	);
	for ( const answer of answers ) {
		const body = ( await answer.json() ) as {
			error: Record< string, unknown >;
		};
		assert.deepEqual( Object.keys( body ), [ 'error' ] );
		for ( const key of Object.keys( body.error ) ) {
			assert.ok(
				ERROR_KEYS.includes( key ),
				`unexpected error field ${ key }`
			);
		}
		assert.equal( typeof body.error.type, 'string' );
		assert.equal( typeof body.error.message, 'string' );
	}
} );
