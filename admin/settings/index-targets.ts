/**
 * The two indexes WordPress keeps in line with what it publishes: their sync routes and their words. Each
 * sentence is written out whole (not assembled from a service name) so translators see real sentences.
 */
import { __, sprintf } from '@wordpress/i18n';

import {
	feedSyncAction,
	fetchFeedSync,
	fetchSearchSync,
	searchSyncAction,
	startFeedSync,
	startSearchSync,
} from './api';
import type { SyncApi } from './api';
import type { SyncService } from './types';

export type IndexTarget = {
	service: SyncService;
	api: SyncApi;
	/** The error code of a step when no job runs. */
	notRunningCode: string;
	title: () => string;
	/** One paragraph under the title, or null. */
	intro: () => string | null;
	loading: () => string;
	/** The label of the count the service holds. */
	heldLabel: () => string;
	/** Why the service's count is missing. */
	countError: ( message: string ) => string;
	cancelled: () => string;
};

export const SEARCH_INDEX: IndexTarget = {
	service: 'search',
	api: {
		fetch: ( signal ) => fetchSearchSync( signal ),
		start: ( mode ) => startSearchSync( mode ),
		action: ( action ) => searchSyncAction( action ),
	},
	notRunningCode: 'switchboard_search_sync_not_running',
	title: () => __( 'Search index', 'switchboard' ),
	intro: () => null,
	loading: () => __( 'Loading the search index…', 'switchboard' ),
	heldLabel: () => __( 'In the search index', 'switchboard' ),
	countError: ( message ) =>
		sprintf(
			/* translators: %s: error message. */
			__(
				'The search service could not say how many documents it holds: %s',
				'switchboard'
			),
			message
		),
	cancelled: () =>
		__( 'The search index sync was cancelled.', 'switchboard' ),
};

export const FEED_CATALOGUE: IndexTarget = {
	service: 'feed',
	api: {
		fetch: ( signal ) => fetchFeedSync( signal ),
		start: ( mode ) => startFeedSync( mode ),
		action: ( action ) => feedSyncAction( action ),
	},
	notRunningCode: 'switchboard_feed_sync_not_running',
	title: () => __( 'Feed catalogue', 'switchboard' ),
	intro: () =>
		__(
			'The feed service ranks posts from its own catalogue. WordPress fills it by itself when it is empty and checks it for drift once a day; re-index here after replacing or restoring the service.',
			'switchboard'
		),
	loading: () => __( 'Loading the feed catalogue…', 'switchboard' ),
	heldLabel: () => __( 'In the feed catalogue', 'switchboard' ),
	countError: ( message ) =>
		sprintf(
			/* translators: %s: error message. */
			__(
				'The feed service could not say how many posts its catalogue holds: %s',
				'switchboard'
			),
			message
		),
	cancelled: () =>
		__( 'The feed catalogue sync was cancelled.', 'switchboard' ),
};
