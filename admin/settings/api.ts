/**
 * Typed calls to the admin routes. `@wordpress/api-fetch` adds the REST root and the nonce itself.
 */
import apiFetch from '@wordpress/api-fetch';

import type {
	ConnectionTest,
	HealthReport,
	OutboxPage,
	SettingsReport,
	SyncAnswer,
	SyncMode,
	SyncReport,
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

export function fetchSearchSync( signal?: AbortSignal ): Promise< SyncReport > {
	return apiFetch< SyncReport >( { path: `${ BASE }/search/sync`, signal } );
}

export function startSearchSync( mode: SyncMode ): Promise< SyncAnswer > {
	return apiFetch< SyncAnswer >( {
		path: `${ BASE }/search/sync`,
		method: 'POST',
		data: { mode },
	} );
}

/**
 * Runs one step, resumes a failed job, or cancels the job.
 *
 * @param action Which.
 */
export function searchSyncAction(
	action: 'step' | 'resume' | 'cancel'
): Promise< SyncAnswer > {
	return apiFetch< SyncAnswer >( {
		path: `${ BASE }/search/sync/${ action }`,
		method: 'POST',
	} );
}
