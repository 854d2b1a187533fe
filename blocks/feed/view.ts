/**
 * The feed's view script module: personalizes the server lists after consent, with one request for every
 * feed block on the page, and reports impressions, clicks and reads. On single posts it is loaded without
 * any feed block (ReadingSignal.php) and only counts the read. Without consent it sends and stores nothing.
 */

/**
 * WordPress dependencies
 */
import { getConfig, getElement, store } from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import type { FeedItem, PersonalAnswer } from '../shared/types/feed';
import { postJson } from '../shared/view/api-fetch';
import {
	consentChange,
	grant,
	revoke,
	startConsent,
	type ConsentConfig,
	type HasConsent,
} from './consent';
import { afterDwell } from './dwell';
import { EventQueue } from './event-queue';
import { trackImpressions } from './impressions';
import { showItem } from './show-item';
import {
	mergeLists,
	personalRequest,
	slotBlocks,
	type BlockSpec,
} from './slots';

/** The page's config (ViewConfig.php). */
interface Config {
	consent: ConsentConfig;
	reading: number;
	dwell: number;
	strings: { by: string };
}

interface Block {
	spec: BlockSpec;
	root: HTMLElement;
	/** Resolves once the Interactivity runtime has hydrated the block, after which its boxes are ours. */
	hydrated: Promise< unknown >;
	resolve: ( value?: unknown ) => void;
	/** What each box shows now, and the answer it came from; absent while the server list shows. */
	shown?: FeedItem[];
	feed?: string;
}

const ROUTE = '/switchboard/v1/feed/';
const config = getConfig( 'switchboard/feed' ) as Config;
const stops: Array< () => void > = [];
let visitor: string | undefined;
let queue: EventQueue | undefined;

// Every block, in document order, read from the markup as this deferred module runs (the whole page is
// parsed; hydration has not started): hydration visits blocks one task at a time, so waiting for each
// block's init before asking would split or delay the page's one request.
const blocks: Block[] = Array.from(
	document.querySelectorAll< HTMLElement >(
		'[data-wp-interactive="switchboard/feed"][data-wp-context]'
	),
	( root ) => {
		let resolve!: Block[ 'resolve' ];
		const hydrated = new Promise( ( done ) => ( resolve = done ) );
		const block: Block = {
			spec: JSON.parse( root.dataset.wpContext! ),
			root,
			hydrated,
			resolve,
		};
		root.addEventListener( 'click', ( event ) => {
			const box = ( event.target as Element ).closest?.( 'li' );
			const position = box ? boxes( block ).indexOf( box ) : -1;
			if ( queue && block.shown && position >= 0 ) {
				queue.push( {
					type: 'click',
					post: block.shown[ position ].id,
					feed: block.feed,
					position,
				} );
			}
		} );
		return block;
	}
);

/**
 * A block's item boxes, in order.
 *
 * @param block The block.
 */
function boxes( block: Block ): HTMLElement[] {
	return Array.from(
		block.root.querySelectorAll< HTMLElement >(
			'.wp-block-switchboard-feed__item'
		)
	);
}

/** `localStorage`, or null where reading it throws (storage disabled). */
function storage(): Storage | null {
	try {
		return window.localStorage;
	} catch {
		return null;
	}
}

const { state } = store( 'switchboard/feed', {
	state: { asking: false, personal: false },
	actions: {
		allow() {
			visitor = grant( storage(), Date.now() );
			state.asking = false;
			begin();
		},
		dismiss() {
			state.asking = false;
		},
		stop() {
			const forgotten = visitor;
			end();
			if ( forgotten ) {
				postJson( ROUTE + 'forget', { visitor: forgotten } ).catch(
					() => {}
				);
			}
		},
	},
	callbacks: {
		init() {
			// The runtime has made its copy of the block's markup: swapping content now is safe.
			const root = getElement().ref;
			blocks.find( ( block ) => block.root === root )?.resolve();
		},
	},
} );

/** Consent given: start counting and personalize. */
function begin(): void {
	const events = new EventQueue(
		( body ) => postJson( ROUTE + 'events', body, true ),
		visitor!
	);
	queue = events;
	state.personal = true;
	const flush = () => events.flush();
	const onHide = () => document.visibilityState === 'hidden' && flush();
	document.addEventListener( 'visibilitychange', onHide );
	window.addEventListener( 'pagehide', flush );
	stops.push( () => {
		document.removeEventListener( 'visibilitychange', onHide );
		window.removeEventListener( 'pagehide', flush );
		events.drop();
	} );
	if ( config.reading ) {
		stops.push(
			afterDwell( config.dwell, document, () =>
				events.push( { type: 'view', post: config.reading } )
			)
		);
	}
	personalize();
}

/** One request for every block; the server lists stay on any failure. */
function personalize(): void {
	const asked = visitor;
	const specs = blocks.map( ( block ) => block.spec );
	const taking = slotBlocks( specs );
	if ( ! asked || ! taking.length ) {
		return;
	}
	postJson< PersonalAnswer >(
		ROUTE + 'personal',
		personalRequest( specs, asked, config.reading )
	)
		.then( ( answer ) => {
			if (
				answer.mode === 'fallback' ||
				! Array.isArray( answer.slots )
			) {
				return;
			}
			const lists = mergeLists(
				specs,
				answer.slots.map( ( slot ) => slot.items )
			);
			for ( const index of taking ) {
				const block = blocks[ index ];
				const list = lists[ index ];
				block.hydrated.then( () => {
					// Consent withdrawn meanwhile: the server list stays.
					if ( visitor !== asked ) {
						return;
					}
					const shown = boxes( block );
					shown.forEach( ( box, position ) =>
						showItem( box, list[ position ], config.strings.by )
					);
					block.shown = list;
					block.feed = answer.request_id;
					// Without IntersectionObserver nothing can be known to be seen: no impressions.
					if ( ! window.IntersectionObserver ) {
						return;
					}
					stops.push(
						trackImpressions(
							shown.slice( 0, list.length ),
							( position ) =>
								queue?.push( {
									type: 'impression',
									post: list[ position ].id,
									feed: answer.request_id,
									position,
								} )
						)
					);
				} );
			}
		} )
		.catch( () => {} );
}

/** Consent withdrawn: forget the id and the waiting events, and show the server lists again. */
function end(): void {
	revoke( storage() );
	visitor = undefined;
	queue = undefined;
	state.personal = false;
	stops.splice( 0 ).forEach( ( stop ) => stop() );
	for ( const block of blocks ) {
		if ( block.shown ) {
			boxes( block ).forEach( ( box, position ) =>
				showItem( box, block.spec.items[ position ], config.strings.by )
			);
			block.shown = block.feed = undefined;
		}
	}
}

// A page without the config (a cached page from before the plugin update) does nothing.
const start = config.consent
	? startConsent(
			config.consent,
			storage(),
			( window as unknown as { wp_has_consent?: HasConsent } )
				.wp_has_consent,
			Date.now()
		)
	: { status: 'no', visitor: undefined };
visitor = start.visitor;
state.asking = start.status === 'ask';
if ( visitor ) {
	begin();
}
if ( config.consent?.mode === 'wp-consent-api' ) {
	document.addEventListener( 'wp_listen_for_consent_change', ( event ) => {
		const change = consentChange( event, config.consent.category );
		if ( change === 'deny' && visitor ) {
			end();
		} else if ( change === 'allow' && ! visitor ) {
			visitor = grant( storage(), Date.now() );
			begin();
		}
	} );
}
