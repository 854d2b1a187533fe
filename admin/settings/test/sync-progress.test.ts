/**
 * What the Search index panel says about a job.
 */
import { describe, expect, it } from '@jest/globals';

import { progressText, reportLines, syncPercent } from '../sync-progress';
import type { SyncJob } from '../types';
import { syncJob } from './sync-fixtures';

// A reconcile of a larger site than the panel tests', started at the epoch's first second.
const job = ( overrides: Partial< SyncJob > = {} ) =>
	syncJob( {
		mode: 'reconcile',
		total: 300,
		started_at: 1,
		updated_at: 1,
		...overrides,
	} );

describe( 'syncPercent', () => {
	it( 'is the share of posts handled, below 100 until done', () => {
		expect( syncPercent( job( { processed: 120 } ) ) ).toBe( 40 );
		expect( syncPercent( job( { processed: 300 } ) ) ).toBe( 99 );
		expect( syncPercent( job( { processed: 320 } ) ) ).toBe( 99 );
		expect( syncPercent( job( { processed: 300, status: 'done' } ) ) ).toBe(
			100
		);
		expect( syncPercent( job( { total: 0 } ) ) ).toBe( 0 );
	} );
} );

describe( 'progressText', () => {
	it( 'says how many posts of how many', () => {
		expect( progressText( job( { processed: 120 } ) ) ).toBe(
			'120 of 300 posts checked (40%)'
		);
		expect(
			progressText( job( { processed: 310, status: 'done' } ) )
		).toBe( '310 of 310 posts checked (100%)' );
	} );
} );

describe( 'reportLines', () => {
	it( 'lists counts, fixed ids (with how many more) and refusals', () => {
		const lines = reportLines(
			job( {
				status: 'done',
				counts: {
					indexed: 5,
					skipped: 1,
					rejected: 1,
					removed: 60,
					missing: 3,
					stale: 2,
					extra: 60,
				},
				fixed: {
					missing: [ 4, 9, 12 ],
					stale: [ 7, 8 ],
					extra: [ 1, 2 ],
				},
				rejected: [ { id: 12, code: 'invalid_document', message: '' } ],
			} )
		);
		expect( lines ).toEqual( [
			'Sent 5, kept 1 newer, refused 1, removed 60 documents.',
			'Drift found: 3 missing, 2 stale, 60 extra.',
			'Added missing posts: 4, 9, 12',
			'Updated stale posts: 7, 8',
			'Removed extra documents: 1, 2 and 58 more',
			'Post 12 was refused: invalid_document',
		] );
	} );
} );
