/**
 * What the settings screen's tests share: a sync job, report and answer in the REST routes' shapes (the
 * search index and the feed catalogue answer alike), and a way to let the panels' requests settle. Not a
 * test file itself (jest.config.js runs `*.test.*` only).
 */
import { act } from '@testing-library/react';

import type { SyncAnswer, SyncJob, SyncReport } from '../types';

/**
 * A running re-index job that has done nothing yet, with the given fields instead.
 *
 * @param overrides Fields to set.
 */
export function syncJob( overrides: Partial< SyncJob > = {} ): SyncJob {
	return {
		id: 'job-1',
		mode: 'reindex',
		status: 'running',
		cursor: 0,
		processed: 0,
		total: 200,
		index_total: null,
		counts: {
			indexed: 0,
			skipped: 0,
			rejected: 0,
			removed: 0,
			missing: 0,
			stale: 0,
			extra: 0,
		},
		fixed: { missing: [], stale: [], extra: [] },
		rejected: [],
		steps: 0,
		started_at: 1700000000,
		updated_at: 1700000000,
		finished_at: null,
		error: null,
		...overrides,
	};
}

/**
 * A sync report with no job, with the given fields instead.
 *
 * @param overrides Fields to set.
 */
export function syncReport(
	overrides: Partial< SyncReport > = {}
): SyncReport {
	return {
		job: null,
		busy: false,
		published: 200,
		index: 150,
		index_error: null,
		...overrides,
	};
}

/**
 * A start or step answer carrying a job.
 *
 * @param job  The job.
 * @param busy Whether another request held the lock.
 */
export function syncAnswer( job: SyncJob, busy = false ): SyncAnswer {
	return { job, busy };
}

/**
 * Lets the panel's pending requests and the state updates they cause run to the end.
 */
export async function settle(): Promise< void > {
	for ( let i = 0; i < 10; i++ ) {
		await act( async () => {
			await Promise.resolve();
		} );
	}
}
