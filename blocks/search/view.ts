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
import { nextAnnouncement } from './announcement';
import { normalizeQuery } from './query';
import { FOCUS_SHORTCUT, isFocusShortcut } from './shortcut';

/** A handler that may call `preventDefault()`, so it must run while the event is dispatched. */
type SyncHandler = ReturnType< typeof withSyncEvent >;

/** Each block's own state, from `data-wp-context` in render.php. */
interface SearchContext {
	/** The live region's text. */
	message: string;
}

interface SearchStore {
	/** Seeded by render.php with `wp_interactivity_state()`. */
	state: {
		readonly emptyQueryMessage: string;
	};
	actions: {
		submit: SyncHandler;
		clearOnEscape: SyncHandler;
		focusOnShortcut: SyncHandler;
	};
	callbacks: {
		advertiseShortcut: () => void;
	};
}

const { state } = store< SearchStore >(
	'switchboard/search',
	{
		actions: {
			/*
			 * Sends the normalized term, or keeps an empty search from reloading the page and says
			 * why in the live region.
			 */
			submit: withSyncEvent( ( event: SubmitEvent ) => {
				const { ref } = getElement();
				const field =
					ref instanceof HTMLFormElement
						? ref.elements.namedItem( 'q' )
						: null;
				if ( ! ( field instanceof HTMLInputElement ) ) {
					return;
				}
				const context = getContext< SearchContext >();
				const query = normalizeQuery( field.value );
				field.value = query;
				if ( query !== '' ) {
					context.message = '';
					return;
				}
				event.preventDefault();
				field.focus();
				context.message = nextAnnouncement(
					context.message,
					state.emptyQueryMessage
				);
			} ),

			/* Escape empties a field that has text; in an empty field it is left to the page. */
			clearOnEscape: withSyncEvent( ( event: KeyboardEvent ) => {
				const field = event.target;
				if (
					event.key !== 'Escape' ||
					! ( field instanceof HTMLInputElement ) ||
					field.value === ''
				) {
					return;
				}
				event.preventDefault();
				field.value = '';
				getContext< SearchContext >().message = '';
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
