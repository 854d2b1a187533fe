/**
 * Typed calls to the admin routes. `@wordpress/api-fetch` adds the REST root and the nonce itself.
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	ConnectionTest,
	FeedStatsReport,
	HealthReport,
	OutboxPage,
	SettingsReport,
	SyncAnswer,
	SyncMode,
	SyncReport,
	SyncService,
} from './types';

const BASE = '/switchboard/v1/admin';

export function fetchHealth( signal?: AbortSignal ): Promise< HealthReport > {
	return apiFetch< HealthReport >( { path: `${ BASE }/health`, signal } );
}

export function fetchSettings(): Promise< SettingsReport > {
	return apiFetch< SettingsReport >( { path: `${ BASE }/settings` } );
}

export function saveSettings(
	urls: Record< string, string >
): Promise< SettingsReport > {
	return apiFetch< SettingsReport >( {
		path: `${ BASE }/settings`,
		method: 'POST',
		data: { urls },
	} );
}

export function testConnection( id: string ): Promise< ConnectionTest > {
	return apiFetch< ConnectionTest >( {
		path: `${ BASE }/services/${ encodeURIComponent( id ) }/test`,
		method: 'POST',
	} );
}

export function fetchOutbox(
	page: number,
	perPage: number,
	signal?: AbortSignal
): Promise< OutboxPage > {
	return apiFetch< OutboxPage >( {
		path: `${ BASE }/outbox?page=${ page }&per_page=${ perPage }`,
		signal,
	} );
}

export function replayEvent(
	id: number
): Promise< { id: number; replayed: boolean } > {
	return apiFetch< { id: number; replayed: boolean } >( {
		path: `${ BASE }/outbox/${ id }/replay`,
		method: 'POST',
	} );
}

/** What the sync routes of one service can do: `admin/<service>/sync[/step|/resume|/cancel]`. */
export type SyncApi = {
	fetch: ( signal?: AbortSignal ) => Promise< SyncReport >;
	start: ( mode: SyncMode ) => Promise< SyncAnswer >;
	action: ( action: 'step' | 'resume' | 'cancel' ) => Promise< SyncAnswer >;
};

/**
 * The job's counts and state for one service.
 *
 * @param service Whose job.
 * @param signal  Aborts the request.
 */
function fetchSync(
	service: SyncService,
	signal?: AbortSignal
): Promise< SyncReport > {
	return apiFetch< SyncReport >( {
		path: `${ BASE }/${ service }/sync`,
		signal,
	} );
}

/**
 * Starts a job for one service.
 *
 * @param service Whose job.
 * @param mode    Re-index or drift check.
 */
function startSync(
	service: SyncService,
	mode: SyncMode
): Promise< SyncAnswer > {
	return apiFetch< SyncAnswer >( {
		path: `${ BASE }/${ service }/sync`,
		method: 'POST',
		data: { mode },
	} );
}

/**
 * Runs one step, resumes a failed job, or cancels the job, for one service.
 *
 * @param service Whose job.
 * @param action  Which.
 */
function syncAction(
	service: SyncService,
	action: 'step' | 'resume' | 'cancel'
): Promise< SyncAnswer > {
	return apiFetch< SyncAnswer >( {
		path: `${ BASE }/${ service }/sync/${ action }`,
		method: 'POST',
	} );
}

export function fetchSearchSync( signal?: AbortSignal ): Promise< SyncReport > {
	return fetchSync( 'search', signal );
}

export function startSearchSync( mode: SyncMode ): Promise< SyncAnswer > {
	return startSync( 'search', mode );
}

/**
 * Runs one step, resumes a failed job, or cancels the job, of the search index.
 *
 * @param action Which.
 */
export function searchSyncAction(
	action: 'step' | 'resume' | 'cancel'
): Promise< SyncAnswer > {
	return syncAction( 'search', action );
}

export function fetchFeedSync( signal?: AbortSignal ): Promise< SyncReport > {
	return fetchSync( 'feed', signal );
}

export function startFeedSync( mode: SyncMode ): Promise< SyncAnswer > {
	return startSync( 'feed', mode );
}

/**
 * Runs one step, resumes a failed job, or cancels the job, of the feed catalogue.
 *
 * @param action Which.
 */
export function feedSyncAction(
	action: 'step' | 'resume' | 'cancel'
): Promise< SyncAnswer > {
	return syncAction( 'feed', action );
}

/**
 * The feed service's statistics (`GET admin/feed/stats`, proxied to the service's `/v1/stats`).
 *
 * @param signal Aborts the request.
 */
export function fetchFeedStats(
	signal?: AbortSignal
): Promise< FeedStatsReport > {
	return apiFetch< FeedStatsReport >( {
		path: `${ BASE }/feed/stats`,
		signal,
	} );
}
