/**
 * External dependencies
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { webcrypto } from 'node:crypto';
import { TextEncoder } from 'node:util';

/**
 * Internal dependencies
 */
import { pay, resume } from '../checkout';
import type { Runtime } from '../runtime';
import type { PaymentContext, PaymentStrings } from '../types';

// jsdom has neither crypto.subtle nor TextEncoder, which the proof-of-work solver uses.
Object.assign( globalThis, { TextEncoder } );
Object.defineProperty( globalThis.crypto, 'subtle', {
	value: webcrypto.subtle,
} );

/** The fake Stripe: a Payment Element that mounts nothing, and a scripted confirmPayment. */
const mockElement = {
	mount: jest.fn(),
	on: jest.fn(),
	focus: jest.fn(),
	destroy: jest.fn(),
};
const mockStripe = {
	elements: jest.fn( ( options: object ) => ( {
		options,
		create: () => mockElement,
	} ) ),
	confirmPayment:
		jest.fn< ( _options: object ) => Promise< { error?: object } > >(),
};
jest.mock( '@stripe/stripe-js/pure', () => ( {
	loadStripe: jest.fn( async () => mockStripe ),
} ) );

interface Call {
	path: string;
	method?: string;
	data?: Record< string, unknown >;
}
type Reply = {
	status: number;
	body: unknown;
	headers?: Record< string, string >;
};

/**
 * Answers apiFetch calls in order; records them.
 * @param {...any} replies
 */
function gateway( ...replies: Reply[] ): Call[] {
	const calls: Call[] = [];
	const apiFetch = jest.fn( async ( options: Call ) => {
		calls.push( options );
		const reply = replies.shift() ?? { status: 500, body: {} };
		const response = {
			status: reply.status,
			ok: reply.status < 300,
			json: async () => reply.body,
			headers: new Headers( reply.headers ?? {} ),
		};
		if ( ! response.ok ) {
			throw response;
		}
		return response;
	} );
	Object.assign( window, { wp: { apiFetch } } );
	return calls;
}

const created = ( id = 'pay_1', status = 'requires_payment_method' ) => ( {
	status: 201,
	body: {
		payment: { id, status, amount: 500, currency: 'usd' },
		client_secret: 'pi_1_secret_2',
		publishable_key: 'pk_test_1',
		stripe_js_url: null,
		return_url: 'https://example.test/donate/?switchboard_payment=' + id,
	},
} );
const statusReply = ( status: string, lastError: object | null = null ) => ( {
	status: 200,
	body: {
		payment: {
			id: 'pay_1',
			status,
			amount: 500,
			currency: 'usd',
			last_error: lastError,
		},
		redirect_url: null,
	},
} );

const strings = {
	payAmount: 'Pay %s',
	enterAmount: 'Enter an amount, such as %s.',
	preparing: 'preparing',
	enterDetails: 'enter details',
	checking: 'checking',
	confirming: 'confirming',
	tooMany: 'Wait %s seconds.',
	tooManyLater: 'Wait.',
	unavailable: 'unavailable',
	failed: 'failed',
	notConfirmed: 'not confirmed',
	canceled: 'canceled',
	declines: {
		insufficientFunds: 'funds',
		cardDeclined: 'declined',
		expiredCard: 'expired',
		incorrectCvc: 'cvc',
		incorrectNumber: 'number',
		processingError: 'processing',
		authenticationFailed: 'authentication',
		generic: 'generic',
	},
} satisfies PaymentStrings;

/**
 * A block on the page, with its runtime.
 *
 * @param context Context values to change.
 * @return The runtime.
 */
function block( context: Partial< PaymentContext > = {} ): Runtime {
	const root = document.createElement( 'div' );
	root.innerHTML =
		'<form><input inputmode="decimal"><div class="wp-block-switchboard-payment__element"></div></form><div class="wp-block-switchboard-payment__success" tabindex="-1"></div>';
	document.body.append( root );
	return {
		root,
		strings,
		ctx: {
			postId: 7,
			blockId: 'blockA',
			currency: 'usd',
			decimals: 2,
			locale: 'en-US',
			amount: 500,
			custom: false,
			customText: '',
			example: 500,
			email: '',
			publishableKey: 'pk_test_1',
			stripeJsUrl: null,
			payLabel: 'Pay',
			buttonText: 'Pay',
			customButton: false,
			enhanced: true,
			locked: false,
			busy: false,
			confirming: false,
			paid: false,
			message: '',
			error: '',
			...context,
		},
	};
}

describe( 'checkout', () => {
	beforeEach( () => {
		jest.clearAllMocks();
		window.sessionStorage.clear();
		document.body.innerHTML = '';
	} );

	it( 'creates the payment for the chosen amount and shows the card form', async () => {
		const calls = gateway( created() );
		const rt = block( { email: ' a@b.test ' } );

		await pay( rt );

		expect( calls[ 0 ].path ).toBe( '/switchboard/v1/payments' );
		expect( calls[ 0 ].method ).toBe( 'POST' );
		expect( calls[ 0 ].data ).toEqual( {
			post_id: 7,
			block_id: 'blockA',
			amount: 500,
			attempt: expect.stringMatching( /^[A-Za-z0-9_-]{16,64}$/ ),
			email: 'a@b.test',
		} );
		expect( mockStripe.elements ).toHaveBeenCalledWith(
			expect.objectContaining( { clientSecret: 'pi_1_secret_2' } )
		);
		expect( mockElement.mount ).toHaveBeenCalledWith(
			rt.root.querySelector( '.wp-block-switchboard-payment__element' )
		);
		expect( rt.ctx ).toMatchObject( {
			confirming: true,
			payLabel: 'Pay $5.00',
			busy: false,
			locked: false,
		} );
	} );

	it( 'reuses the attempt key when Pay is pressed again for the same amount', async () => {
		const calls = gateway( created(), created() );

		await pay( block() );
		await pay( block() );

		expect( calls[ 1 ].data?.attempt ).toBe( calls[ 0 ].data?.attempt );
	} );

	it( 'starts a new attempt once when the key was used for another amount', async () => {
		const calls = gateway(
			{
				status: 409,
				body: {
					code: 'switchboard_payment_conflict',
					message: 'conflict',
					data: { status: 409 },
				},
			},
			created()
		);
		const rt = block();

		await pay( rt );

		expect( calls ).toHaveLength( 2 );
		expect( calls[ 1 ].data?.attempt ).not.toBe( calls[ 0 ].data?.attempt );
		expect( rt.ctx.confirming ).toBe( true );
	} );

	it( 'answers a proof-of-work challenge and sends the solution', async () => {
		const calls = gateway(
			{
				status: 428,
				body: {
					code: 'switchboard_payment_challenge_required',
					message: 'challenge',
					data: {
						status: 428,
						challenge: {
							token: 'tok',
							algorithm: 'SHA-256',
							salt: 'abc',
							difficulty: 2,
						},
					},
				},
			},
			created()
		);

		await pay( block() );

		expect( calls[ 1 ].data?.challenge ).toEqual( {
			token: 'tok',
			solution: '252',
		} );
		expect( calls[ 1 ].data?.attempt ).toBe( calls[ 0 ].data?.attempt );
	} );

	it.each( [
		[
			{
				status: 400,
				body: {
					code: 'switchboard_payment_invalid_amount',
					message: 'Enter an amount from $5.00 to $500.00.',
				},
			},
			'Enter an amount from $5.00 to $500.00.',
		],
		[
			{
				status: 429,
				body: { code: 'too_many' },
				headers: { 'Retry-After': '30' },
			},
			'Wait 30 seconds.',
		],
		[ { status: 429, body: { code: 'too_many' } }, 'Wait.' ],
		[ { status: 503, body: { code: 'unavailable' } }, 'unavailable' ],
		[ { status: 500, body: {} }, 'failed' ],
	] )(
		'explains a refused request (%j) and keeps the form usable',
		async ( reply, message ) => {
			gateway( reply );
			const rt = block();

			await pay( rt );

			expect( rt.ctx ).toMatchObject( {
				error: message,
				busy: false,
				locked: false,
				confirming: false,
			} );
		}
	);

	it( 'asks for a readable custom amount before calling the gateway', async () => {
		const calls = gateway();
		const rt = block( { custom: true, customText: 'lots' } );

		await pay( rt );

		expect( calls ).toHaveLength( 0 );
		expect( rt.ctx.error ).toBe( 'Enter an amount, such as $5.00.' );
		expect( rt.root.ownerDocument.activeElement ).toBe(
			rt.root.querySelector( 'input' )
		);
	} );

	it( 'explains a decline, focuses the card form and lets the visitor retry', async () => {
		gateway( created(), statusReply( 'succeeded' ) );
		mockStripe.confirmPayment
			.mockResolvedValueOnce( {
				error: {
					type: 'card_error',
					code: 'card_declined',
					decline_code: 'insufficient_funds',
				},
			} )
			.mockResolvedValueOnce( {} );
		const rt = block();
		await pay( rt );

		await pay( rt );
		expect( rt.ctx.error ).toBe( 'funds' );
		expect( mockElement.focus ).toHaveBeenCalled();
		expect( rt.ctx.confirming ).toBe( true );

		await pay( rt );
		expect( mockStripe.confirmPayment ).toHaveBeenLastCalledWith( {
			elements: expect.anything(),
			confirmParams: {
				return_url:
					'https://example.test/donate/?switchboard_payment=pay_1',
			},
			redirect: 'if_required',
		} );
		expect( rt.ctx ).toMatchObject( {
			paid: true,
			error: '',
			confirming: false,
			locked: true,
		} );
	} );

	it( 'shows success only once the status says succeeded, then forgets the attempt', async () => {
		const calls = gateway(
			created(),
			statusReply( 'succeeded' ),
			created( 'pay_2' )
		);
		mockStripe.confirmPayment.mockResolvedValueOnce( {} );
		const rt = block();
		await pay( rt );

		await pay( rt );

		expect( calls[ 1 ].path ).toBe(
			`/switchboard/v1/payments/status?id=pay_1&attempt=${ calls[ 0 ].data?.attempt }`
		);
		expect( rt.ctx.paid ).toBe( true );
		await pay( block() );
		expect( calls[ 2 ].data?.attempt ).not.toBe( calls[ 0 ].data?.attempt );
	} );

	it( 'reads the status after a redirect back, and cleans the address', async () => {
		const calls = gateway( created(), statusReply( 'succeeded' ) );
		await pay( block() );
		window.history.replaceState(
			null,
			'',
			'/donate/?x=1&payment_intent=pi_1&payment_intent_client_secret=s&redirect_status=succeeded&switchboard_payment=pay_1'
		);
		const rt = block();

		await resume( rt, 'pay_1' );

		expect( calls[ 1 ].path ).toContain( 'id=pay_1' );
		expect( rt.ctx.paid ).toBe( true );
		expect( window.location.search ).toBe( '?x=1' );
	} );

	it( 'ignores a return for a payment this tab did not start', async () => {
		const calls = gateway();
		const rt = block();

		await resume( rt, 'pay_unknown' );

		expect( calls ).toHaveLength( 0 );
		expect( rt.ctx.paid ).toBe( false );
	} );
} );
