/**
 * External dependencies
 */
import {
	afterEach,
	beforeEach,
	describe,
	expect,
	it,
	jest,
} from '@jest/globals';

/**
 * Internal dependencies
 */
import type { PersonalAnswer } from '../../shared/types/feed';
import type { BlockSpec } from '../slots';
import { STORAGE_KEY } from '../consent';
import { block, item } from './fixtures';

/** What the Interactivity mock hands the module, and what the module gave it. */
const mockRuntime: {
	config: Record< string, unknown >;
	element?: HTMLElement;
	definition?: {
		state: { asking: boolean; personal: boolean };
		actions: Record< string, () => void >;
		callbacks: { init: () => void };
	};
} = { config: {} };

jest.mock(
	'@wordpress/interactivity',
	() => ( {
		store: (
			_namespace: string,
			definition: typeof mockRuntime.definition
		) => {
			mockRuntime.definition = definition;
			return { state: definition!.state };
		},
		getConfig: () => mockRuntime.config,
		getElement: () => ( { ref: mockRuntime.element } ),
	} ),
	// The package ships only ES modules with an `import` condition, which Jest's resolver does not follow.
	{ virtual: true }
);

type Call = { path: string; method: string; data: any; keepalive?: boolean };
let calls: Call[];
/** Listeners the loaded modules added, removed after each test so an old page's module stays silent. */
const listeners: Array< () => void > = [];
let answer: Promise< unknown >;
const VISITOR = 'AAAAAAAAAAAAAAAAAAAAAA';

/**
 * Loads the view module afresh, as a page does, with feed blocks rendered from specs.
 *
 * @param specs     The blocks' contexts.
 * @param config    The page's config.
 * @param hydrateTo Whether the runtime hydrates the blocks right away.
 * @return The blocks' roots.
 */
function load(
	specs: BlockSpec[],
	config: Record< string, unknown > = {},
	hydrateTo = true
): HTMLElement[] {
	mockRuntime.config = {
		consent: { mode: 'prompt', category: 'preferences' },
		reading: 0,
		dwell: 3000,
		strings: { by: 'By %s' },
		...config,
	};
	document.body.innerHTML = '';
	const roots = specs.map( ( spec ) => {
		const root = document.createElement( 'section' );
		root.dataset.wpInteractive = 'switchboard/feed';
		root.dataset.wpContext = JSON.stringify( spec );
		root.innerHTML =
			'<ul>' +
			spec.items
				.map(
					( _item, index ) =>
						`<li class="wp-block-switchboard-feed__item"><h3 class="wp-block-switchboard-feed__title" id="t${ index }"><a href="/">${ _item.title }</a></h3><p class="wp-block-switchboard-feed__reason">${ _item.reason }</p></li>`
				)
				.join( '' ) +
			'</ul>';
		document.body.append( root );
		return root;
	} );
	jest.isolateModules( () => {
		require( '../view' );
	} );
	if ( hydrateTo ) {
		hydrate( roots );
	}
	return roots;
}

/**
 * Hydration: each block's init, in document order.
 *
 * @param roots The blocks' roots.
 */
function hydrate( roots: HTMLElement[] ) {
	for ( const root of roots ) {
		mockRuntime.element = root;
		mockRuntime.definition!.callbacks.init();
	}
}

const titles = ( root: HTMLElement ) =>
	Array.from( root.querySelectorAll( 'h3' ) ).map( ( h ) => h.textContent );

/** Lets timers and the answer's promise chain run. */
async function settle() {
	jest.advanceTimersByTime( 0 );
	for ( let i = 0; i < 10; i++ ) {
		await Promise.resolve();
	}
}

const consented = () =>
	localStorage.setItem(
		STORAGE_KEY,
		JSON.stringify( { v: 1, visitor: VISITOR, since: 1 } )
	);

describe( 'the feed view', () => {
	beforeEach( () => {
		jest.useFakeTimers();
		localStorage.clear();
		calls = [];
		answer = Promise.resolve( {} );
		for ( const target of [ window, document ] ) {
			const add = target.addEventListener.bind( target );
			jest.spyOn( target, 'addEventListener' ).mockImplementation(
				( type: string, listener: any, options?: any ) => {
					add( type, listener, options );
					listeners.push( () =>
						target.removeEventListener( type, listener, options )
					);
				}
			);
		}
		( window as any ).wp = {
			apiFetch: ( options: Call ) => {
				calls.push( options );
				return options.path.endsWith( '/personal' )
					? answer
					: Promise.resolve( { accepted: 1 } );
			},
		};
	} );
	afterEach( () => {
		listeners.splice( 0 ).forEach( ( remove ) => remove() );
		jest.restoreAllMocks();
		jest.clearAllTimers();
		jest.useRealTimers();
		delete ( window as any ).wp;
		delete ( window as any ).wp_has_consent;
	} );

	it( 'without consent sends nothing and stores nothing, and shows the prompt', async () => {
		const [ root ] = load( [ block( [ 1, 2 ] ) ], { reading: 9 } );
		await settle();
		jest.advanceTimersByTime( 60000 );
		window.dispatchEvent( new Event( 'pagehide' ) );
		root.querySelector( 'a' )!.click();
		await settle();

		expect( calls ).toEqual( [] );
		expect( localStorage.length ).toBe( 0 );
		expect( document.cookie ).toBe( '' );
		expect( mockRuntime.definition!.state.asking ).toBe( true );
		expect( titles( root ) ).toEqual( [ 'Post 1', 'Post 2' ] );
	} );

	it( '“Not now” hides the prompt and stores nothing', () => {
		load( [ block( [ 1 ] ) ] );
		mockRuntime.definition!.actions.dismiss();

		expect( mockRuntime.definition!.state.asking ).toBe( false );
		expect( localStorage.length ).toBe( 0 );
		expect( calls ).toEqual( [] );
	} );

	it( 'with consent asks once for every block and swaps the lists in place once hydrated', async () => {
		consented();
		answer = Promise.resolve< PersonalAnswer >( {
			request_id: 'f_1',
			mode: 'personalized',
			slots: [
				{ items: [ item( 7, { reason: 'Because you read News' } ) ] },
				{ items: [ item( 8 ), item( 7 ) ] },
			],
		} );
		const roots = load(
			[ block( [ 1, 2 ] ), block( [ 3, 4 ] ) ],
			{ reading: 42 },
			false
		);
		await settle();
		// Asked at once, for every block; swapped only once the runtime has hydrated the blocks.
		expect( calls ).toHaveLength( 1 );
		expect( titles( roots[ 0 ] ) ).toEqual( [ 'Post 1', 'Post 2' ] );
		hydrate( roots );
		await settle();

		const personal = calls.filter( ( call ) =>
			call.path.endsWith( '/personal' )
		);
		expect( personal ).toHaveLength( 1 );
		expect( personal[ 0 ] ).toMatchObject( {
			path: '/switchboard/v1/feed/personal',
			method: 'POST',
			data: { visitor: VISITOR, context: 42, exclude: [] },
		} );
		expect( personal[ 0 ].data.slots ).toHaveLength( 2 );
		expect( titles( roots[ 0 ] ) ).toEqual( [ 'Post 7', 'Post 1' ] );
		expect( titles( roots[ 1 ] ) ).toEqual( [ 'Post 8', 'Post 3' ] );
		expect(
			roots[ 0 ].querySelector( '.wp-block-switchboard-feed__reason' )
				?.textContent
		).toBe( 'Because you read News' );
		expect( mockRuntime.definition!.state.personal ).toBe( true );
	} );

	it( 'counts clicks and the read, and sends them in one batch with keepalive when the page is left', async () => {
		consented();
		answer = Promise.resolve< PersonalAnswer >( {
			request_id: 'f_2',
			mode: 'cold',
			slots: [ { items: [ item( 7 ) ] } ],
		} );
		const [ root ] = load( [ block( [ 1, 2 ] ) ], { reading: 42 } );
		await settle();
		root.querySelectorAll( 'a' )[ 1 ].click();
		jest.advanceTimersByTime( 3000 );
		window.dispatchEvent( new Event( 'pagehide' ) );

		const sent = calls.filter( ( call ) =>
			call.path.endsWith( '/events' )
		);
		expect( sent ).toEqual( [
			{
				path: '/switchboard/v1/feed/events',
				method: 'POST',
				keepalive: true,
				data: {
					visitor: VISITOR,
					events: [
						{ type: 'click', post: 1, feed: 'f_2', position: 1 },
						{ type: 'view', post: 42 },
					],
				},
			},
		] );
	} );

	it( 'keeps the server list when the service is down or answers the fallback', async () => {
		consented();
		answer = Promise.resolve< PersonalAnswer >( {
			request_id: 'f_3',
			mode: 'fallback',
			slots: [ { items: [ item( 9 ) ] } ],
		} );
		const [ root ] = load( [ block( [ 1 ] ) ] );
		await settle();
		expect( titles( root ) ).toEqual( [ 'Post 1' ] );

		answer = Promise.reject( new Error( '503' ) );
		const [ again ] = load( [ block( [ 1 ] ) ] );
		await settle();
		expect( titles( again ) ).toEqual( [ 'Post 1' ] );
	} );

	it( 'after “Personalize” stores the record and personalizes; “Stop personalizing” forgets and restores', async () => {
		answer = Promise.resolve< PersonalAnswer >( {
			request_id: 'f_4',
			mode: 'personalized',
			slots: [ { items: [ item( 7 ) ] } ],
		} );
		const [ root ] = load( [ block( [ 1 ] ) ] );
		mockRuntime.definition!.actions.allow();
		await settle();

		const visitor = JSON.parse(
			localStorage.getItem( STORAGE_KEY )!
		).visitor;
		expect( visitor ).toMatch( /^[A-Za-z0-9_-]{22}$/ );
		expect( titles( root ) ).toEqual( [ 'Post 7' ] );

		mockRuntime.definition!.actions.stop();

		expect( localStorage.length ).toBe( 0 );
		expect( titles( root ) ).toEqual( [ 'Post 1' ] );
		expect( mockRuntime.definition!.state.personal ).toBe( false );
		expect( calls[ calls.length - 1 ] ).toEqual( {
			path: '/switchboard/v1/feed/forget',
			method: 'POST',
			data: { visitor },
		} );
	} );

	it( 'follows the WP Consent API: no request without consent, and a denial drops the id and queue', async () => {
		( window as any ).wp_has_consent = () => false;
		load( [ block( [ 1 ] ) ], {
			consent: { mode: 'wp-consent-api', category: 'preferences' },
		} );
		await settle();
		expect( calls ).toEqual( [] );
		expect( mockRuntime.definition!.state.asking ).toBe( false );

		answer = Promise.resolve< PersonalAnswer >( {
			request_id: 'f_5',
			mode: 'personalized',
			slots: [ { items: [ item( 7 ) ] } ],
		} );
		( window as any ).wp_has_consent = () => true;
		const [ root ] = load( [ block( [ 1 ] ) ], {
			consent: { mode: 'wp-consent-api', category: 'preferences' },
			reading: 3,
		} );
		await settle();
		expect( titles( root ) ).toEqual( [ 'Post 7' ] );
		root.querySelector( 'a' )!.click();

		document.dispatchEvent(
			new CustomEvent( 'wp_listen_for_consent_change', {
				detail: { preferences: 'deny' },
			} )
		);
		window.dispatchEvent( new Event( 'pagehide' ) );
		jest.advanceTimersByTime( 5000 );
		window.dispatchEvent( new Event( 'pagehide' ) );

		expect( titles( root ) ).toEqual( [ 'Post 1' ] );
		expect( localStorage.length ).toBe( 0 );
		expect(
			calls.filter( ( call ) => call.path.endsWith( '/events' ) )
		).toEqual( [] );
	} );
} );
