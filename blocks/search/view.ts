/**
 * WordPress dependencies
 */
import {
	getContext,
	getElement,
	store,
	withSyncEvent,
} from '@wordpress/interactivity';

/**
 * Internal dependencies
 */
import { fetchResponse } from '../shared/view/api-fetch';
import type { SearchAnswer } from '../shared/types/search';
import { nextAnnouncement } from './announcement';
import { LruCache } from './lru-cache';
import {
	format,
	present,
	type AnswerView,
	type Config,
	type Strings,
} from './present';
import { normalizeQuery } from './query';
import { FOCUS_SHORTCUT, isFocusShortcut } from './shortcut';
import {
	LIST_VARS,
	gatewayQuery,
	parseState,
	stateUrl,
	type DateRange,
	type ListFacet,
	type SearchState,
} from './url-state';

/** A handler that may call `preventDefault()`, so it must run while the event is dispatched. */
type SyncHandler = ReturnType< typeof withSyncEvent >;

/** Each block's own state, from `data-wp-context` in render.php (ViewModel::context()). */
interface SearchContext extends AnswerView {
	config: Config;
	/** What the field holds, as typed. */
	q: string;
	lists: SearchState[ 'lists' ];
	date: SearchState[ 'date' ];
	sort: SearchState[ 'sort' ];
	byDate: boolean;
	searched: boolean;
	error: boolean;
	fallback: boolean;
	busy: boolean;
	enhanced: boolean;
	/** The live region's text. */
	message: string;
}

interface Runtime {
	ctx: SearchContext;
	root: HTMLElement;
	controller?: AbortController;
	/** Whether the current history entry is the one typing started. */
	typed?: boolean;
	/** Whether a request is on its way (the controller stays for aborting after it ends). */
	inFlight?: boolean;
	/** Keys were typed while a request was on its way: search for the field's text once it ends. */
	queued?: boolean;
	slow?: ReturnType< typeof setTimeout >;
}

interface Entry {
	answer: SearchAnswer;
	fallback: boolean;
}

/** A request slower than this is announced as "Searching…". */
const SLOW_MS = 300;

const ROUTE = '/switchboard/v1/search?';
const cache = new LruCache< Entry >( 30 );
const runtimes = new WeakMap< Element, Runtime >();

interface SearchStore {
	state: Readonly< Strings >;
	actions: {
		submit: SyncHandler;
		type: ( event: InputEvent ) => void;
		refine: ( event: Event ) => void;
		follow: SyncHandler;
		clearOnEscape: SyncHandler;
		focusOnShortcut: SyncHandler;
	};
	callbacks: {
		init: () => void;
		advertiseShortcut: () => void;
	};
}

/** The runtime of the block the current element is in. */
function runtime(): Runtime | undefined {
	const root = getElement().ref?.closest( '.wp-block-switchboard-search' );
	return root ? runtimes.get( root ) : undefined;
}

/**
 * The searched state the context holds, with the term as the field has it now.
 *
 * @param ctx Context.
 */
function current( ctx: SearchContext ): SearchState {
	const lists: SearchState[ 'lists' ] = {};
	for ( const facet of Object.keys( LIST_VARS ) as ListFacet[] ) {
		if ( ctx.lists[ facet ]?.length ) {
			lists[ facet ] = [ ...ctx.lists[ facet ]! ];
		}
	}
	return {
		q: normalizeQuery( ctx.q ),
		page: ctx.page,
		lists,
		date: ctx.date,
		sort: ctx.sort,
	};
}

const { state } = store< SearchStore >(
	'switchboard/search',
	{
		actions: {
			/*
			 * Searches without reloading, or keeps an empty search from reloading the page and says
			 * why in the live region.
			 */
			submit: withSyncEvent( ( event: SubmitEvent ) => {
				const rt = runtime();
				if ( ! rt ) {
					return;
				}
				event.preventDefault();
				const next = { ...current( rt.ctx ), page: 1 };
				if ( next.q ) {
					rt.ctx.q = next.q;
					run( rt, next, 'push' );
					return;
				}
				rt.root
					.querySelector< HTMLInputElement >( 'input[type=search]' )
					?.focus();
				rt.ctx.message = nextAnnouncement(
					rt.ctx.message,
					state.emptyQueryMessage
				);
			} ),

			/* As-you-type: the field's text is kept as typed; in instant mode a pause searches. */
			type: ( event: InputEvent ) => {
				const rt = runtime();
				const field = event.target;
				if ( ! rt || ! ( field instanceof HTMLInputElement ) ) {
					return;
				}
				rt.ctx.q = field.value;
				if ( ! rt.ctx.config.instant ) {
					return;
				}
				// A key searches at once, unless a search is already on its way: then the field's text is
				// searched as soon as that one ends. Each visitor has at most one request in flight, however fast
				// they type, and no key waits for a timer: a pause-based debounce cost every key its length.
				if ( rt.inFlight ) {
					rt.queued = true;
					return;
				}
				searchTyped( rt );
			},

			/* A facet or the sort changed: the first page of the refined search, in place. */
			refine: ( event: Event ) => {
				const rt = runtime();
				const field = event.target;
				if (
					! rt ||
					! (
						field instanceof HTMLInputElement ||
						field instanceof HTMLSelectElement
					)
				) {
					return;
				}
				const next = { ...current( rt.ctx ), page: 1 };
				const facet = ( Object.keys( LIST_VARS ) as ListFacet[] ).find(
					( name ) => LIST_VARS[ name ] === field.name
				);
				if ( field.name === 'qsort' ) {
					next.sort = field.value === 'date' ? 'date' : 'relevance';
				} else if ( field.name === 'qdate' ) {
					next.date = field.value as DateRange | '';
				} else if ( facet && field instanceof HTMLInputElement ) {
					const values = new Set( next.lists[ facet ] );
					values[ field.checked ? 'add' : 'delete' ]( field.value );
					next.lists[ facet ] = [ ...values ];
				}
				if ( next.q ) {
					run( rt, next, 'push' );
				}
			},

			/* Page links and the suggestion load in place; focus moves to the new results' heading. */
			follow: withSyncEvent( ( event: MouseEvent ) => {
				const rt = runtime();
				const link = getElement().ref;
				if (
					! rt ||
					! ( link instanceof HTMLAnchorElement ) ||
					event.button ||
					event.metaKey ||
					event.ctrlKey ||
					event.shiftKey ||
					event.altKey
				) {
					return;
				}
				event.preventDefault();
				const next = parseState( new URL( link.href ).search );
				rt.ctx.q = next.q;
				run( rt, next, 'push' ).then( () =>
					rt.root
						.querySelector< HTMLElement >(
							'.wp-block-switchboard-search__summary'
						)
						?.focus()
				);
			} ),

			/* Escape empties a field that has text; in an empty field it is left to the page. */
			clearOnEscape: withSyncEvent( ( event: KeyboardEvent ) => {
				const field = event.target;
				const rt = runtime();
				if (
					event.key !== 'Escape' ||
					! ( field instanceof HTMLInputElement ) ||
					field.value === '' ||
					! rt
				) {
					return;
				}
				event.preventDefault();
				field.value = '';
				rt.ctx.q = '';
				rt.ctx.message = '';
				if ( rt.ctx.config.instant ) {
					run( rt, { ...current( rt.ctx ), page: 1 }, 'replace' );
				}
			} ),

			/* `/` anywhere outside a text field moves focus here, without typing the slash. */
			focusOnShortcut: withSyncEvent( ( event: KeyboardEvent ) => {
				const { ref } = getElement();
				if (
					! ( ref instanceof HTMLInputElement ) ||
					! isFocusShortcut( event )
				) {
					return;
				}
				event.preventDefault();
				ref.focus();
				ref.select();
			} ),
		},
		callbacks: {
			/* The block is enhanced: keep its runtime, hide the no-JavaScript Apply button, follow history. */
			init: () => {
				const root = getElement().ref;
				if ( ! root ) {
					return;
				}
				const rt: Runtime = {
					ctx: getContext< SearchContext >(),
					root,
				};
				runtimes.set( root, rt );
				rt.ctx.enhanced = true;
				window.addEventListener( 'popstate', () => {
					const next = parseState( location.search );
					rt.ctx.q = next.q;
					run( rt, next, 'none' );
				} );
			},

			/* Only a page with this script has the shortcut, so only then is it announced. */
			advertiseShortcut: () => {
				getElement().ref?.setAttribute(
					'aria-keyshortcuts',
					FOCUS_SHORTCUT
				);
			},
		},
	},
	{ lock: true }
);

/**
 * Searches for what the field holds, as typing does.
 *
 * @param rt Runtime.
 */
function searchTyped( rt: Runtime ): void {
	const next = { ...current( rt.ctx ), page: 1 };
	// Typing starts one new history entry, then refines it: back returns to what was there before.
	void run( rt, next, rt.typed ? 'replace' : 'push' );
	rt.typed = true;
}

/**
 * Puts an answer in the context and announces its count.
 *
 * @param rt    Runtime.
 * @param next  What was searched.
 * @param entry The answer.
 */
function show( rt: Runtime, next: SearchState, entry: Entry ): void {
	const { ctx } = rt;
	const view = present(
		entry.answer,
		next,
		ctx.config,
		state,
		document.documentElement.lang || navigator.language
	);
	Object.assign( ctx, view, {
		searched: true,
		error: false,
		fallback: entry.fallback,
		message: nextAnnouncement(
			ctx.message,
			format(
				view.total === 1 ? state.countOne : state.countMany,
				new Intl.NumberFormat(
					document.documentElement.lang || undefined
				).format( view.total )
			)
		),
	} );
}

/**
 * Searches for a state: the URL and the context follow it, superseded requests are aborted, and answers
 * seen before come from the client cache.
 *
 * @param rt      Runtime.
 * @param next    What to search for.
 * @param history `push` a history entry, `replace` the current one, or leave history alone (`none`).
 */
async function run(
	rt: Runtime,
	next: SearchState,
	history: 'push' | 'replace' | 'none'
): Promise< void > {
	const { ctx } = rt;
	clearTimeout( rt.slow );
	rt.controller?.abort();
	rt.inFlight = false;
	rt.queued = false;
	rt.typed = rt.typed && history === 'replace';
	if ( history !== 'none' ) {
		const kept = new URLSearchParams( ctx.config.kept ).toString();
		const url = next.q ? stateUrl( next, ctx.config.kept ) : '?' + kept;
		window.history[ history === 'push' ? 'pushState' : 'replaceState' ](
			null,
			'',
			url === '?' ? location.pathname : url
		);
	}
	Object.assign( ctx, {
		page: next.page,
		lists: next.lists,
		date: next.date,
		sort: next.sort,
		byDate: next.sort === 'date',
	} );
	if ( ! next.q ) {
		Object.assign( ctx, {
			searched: false,
			busy: false,
			error: false,
			results: [],
			facets: [],
			summary: '',
			message: '',
		} );
		return;
	}
	const query = gatewayQuery( next, ctx.config.perPage, Date.now() );
	const cached = cache.get( query );
	if ( cached ) {
		ctx.busy = false;
		show( rt, next, cached );
		return;
	}
	const controller = ( rt.controller = new AbortController() );
	rt.inFlight = true;
	ctx.busy = true;
	rt.slow = setTimeout( () => {
		ctx.message = state.searching;
	}, SLOW_MS );
	try {
		const response = await fetchResponse(
			ROUTE + query,
			controller.signal
		);
		const entry: Entry = {
			answer: ( await response.json() ) as SearchAnswer,
			fallback:
				response.headers.get( 'X-Switchboard-Fallback' ) === 'native',
		};
		// A fallback answer is not kept: the next search should reach the service again.
		if ( ! entry.fallback ) {
			cache.set( query, entry );
		}
		if ( rt.controller === controller ) {
			show( rt, next, entry );
		}
	} catch {
		if ( ! controller.signal.aborted ) {
			Object.assign( ctx, {
				searched: true,
				error: true,
				fallback: false,
				results: [],
				facets: [],
				total: 0,
				empty: false,
				paged: false,
				summary: '',
				suggestion: '',
				message: nextAnnouncement( ctx.message, state.failed ),
			} );
		}
	} finally {
		if ( rt.controller === controller ) {
			clearTimeout( rt.slow );
			ctx.busy = false;
			rt.inFlight = false;
			if ( rt.queued ) {
				searchTyped( rt );
			}
		}
	}
}
