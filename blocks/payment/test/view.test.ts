/**
 * External dependencies
 */
import {
	beforeAll,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';

/**
 * Internal dependencies
 */
import type { Runtime } from '../runtime';
import type { PaymentContext } from '../types';

/** What the mocks saw: which heavy modules were loaded, and the store's definition. */
const mockSeen: {
	checkout: boolean;
	stripe: boolean;
	element?: HTMLElement;
	context?: PaymentContext;
	definition?: {
		state: object;
		actions: Record< string, ( event: Event ) => void >;
		callbacks: Record< string, () => void >;
	};
} = { checkout: false, stripe: false };

const mockCheckout = {
	preload: jest.fn< ( rt: Runtime ) => void >(),
	pay: jest.fn< ( rt: Runtime ) => Promise< void > >(),
	resume: jest.fn< ( rt: Runtime, id: string ) => Promise< void > >(),
};

jest.mock(
	'@wordpress/interactivity',
	() => ( {
		store: (
			_namespace: string,
			definition: typeof mockSeen.definition
		) => {
			mockSeen.definition = definition;
			// The state render.php seeds (ViewModel::strings()).
			return { state: { ...definition?.state, payAmount: 'Pay %s' } };
		},
		getContext: () => mockSeen.context,
		getElement: () => ( { ref: mockSeen.element } ),
		withSyncEvent: < F >( handler: F ) => handler,
	} ),
	// The package ships only ES modules with an `import` condition, which Jest's resolver does not follow.
	{ virtual: true }
);
jest.mock( '../checkout', () => {
	mockSeen.checkout = true;
	return mockCheckout;
} );
jest.mock( '@stripe/stripe-js/pure', () => {
	mockSeen.stripe = true;
	return { loadStripe: jest.fn() };
} );

/**
 * Lets pending promises (the dynamic import) settle.
 */
const settle = () => new Promise( ( resolve ) => setTimeout( resolve, 0 ) );

/**
 * A rendered block and its context, as render.php prints them.
 *
 * @return The block's element.
 */
function renderBlock(): HTMLElement {
	const root = document.createElement( 'div' );
	root.className = 'wp-block-switchboard-payment';
	root.innerHTML =
		'<form><input type="radio" value="1000"><button type="submit">Pay</button></form>';
	document.body.append( root );
	mockSeen.element = root;
	mockSeen.context = {
		enhanced: false,
		locked: true,
		busy: false,
		custom: false,
		amount: 500,
		error: '',
		currency: 'usd',
		decimals: 2,
		locale: 'en-US',
		customText: '',
		buttonText: 'Pay',
		customButton: false,
		payLabel: 'Pay $5.00',
	} as PaymentContext;
	return root;
}

describe( 'payment view', () => {
	beforeAll( async () => {
		await import( '../view' );
	} );

	beforeEach( () => {
		document.body.innerHTML = '';
		jest.clearAllMocks();
	} );

	it( 'enhances the block without loading the checkout or Stripe before intent', async () => {
		renderBlock();

		mockSeen.definition?.callbacks.init();
		await settle();

		expect( mockSeen.context?.enhanced ).toBe( true );
		expect( mockSeen.context?.locked ).toBe( false );
		expect( mockSeen.checkout ).toBe( false );
		expect( mockSeen.stripe ).toBe( false );
		expect( mockCheckout.preload ).not.toHaveBeenCalled();
	} );

	it( 'loads the checkout chunk (which alone imports Stripe) at the first focus inside the block', async () => {
		const root = renderBlock();
		mockSeen.definition?.callbacks.init();

		root.querySelector( 'input' )?.dispatchEvent(
			new FocusEvent( 'focusin', { bubbles: true } )
		);
		await settle();

		expect( mockSeen.checkout ).toBe( true );
		expect( mockCheckout.preload ).toHaveBeenCalledTimes( 1 );
		expect( mockCheckout.preload.mock.calls[ 0 ][ 0 ].root ).toBe( root );
	} );

	it( 'hands Pay to the checkout, stopping the form from submitting', async () => {
		const root = renderBlock();
		mockSeen.definition?.callbacks.init();
		mockSeen.element = root.querySelector( 'form' ) as HTMLElement;
		const event = new Event( 'submit', { cancelable: true } );

		mockSeen.definition?.actions.pay( event );
		await settle();

		expect( event.defaultPrevented ).toBe( true );
		expect( mockCheckout.pay ).toHaveBeenCalledTimes( 1 );
	} );

	it( 'keeps the visitor’s choice in the context', () => {
		const root = renderBlock();
		mockSeen.definition?.callbacks.init();
		const radio = root.querySelector( 'input' ) as HTMLInputElement;
		mockSeen.element = radio;

		mockSeen.definition?.actions.choose( {
			target: radio,
		} as unknown as Event );

		expect( mockSeen.context?.amount ).toBe( 1000 );
		expect( mockSeen.context?.custom ).toBe( false );
		expect( mockSeen.context?.payLabel ).toBe( 'Pay $10.00' );
	} );

	it( 'reads the payment’s status on return from a redirect', async () => {
		window.history.replaceState(
			null,
			'',
			'/?switchboard_payment=pay_123'
		);
		renderBlock();

		mockSeen.definition?.callbacks.init();
		await settle();

		expect( mockCheckout.resume ).toHaveBeenCalledWith(
			expect.anything(),
			'pay_123'
		);
		window.history.replaceState( null, '', '/' );
	} );
} );
