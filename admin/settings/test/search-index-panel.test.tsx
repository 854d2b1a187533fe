/**
 * The Search index panel: counts, starting a job and driving it step by step with a progress bar, the
 * report, a failed job's message and Resume, and a running job picked up again after a reload.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { act, fireEvent, render, screen } from '@testing-library/react';

import { fetchSearchSync, searchSyncAction, startSearchSync } from '../api';
import { SearchIndexPanel } from '../search-index-panel';
import type { SyncAnswer } from '../types';
import { settle, syncAnswer, syncJob, syncReport } from './sync-fixtures';

jest.mock( '../api', () => ( {
	fetchSearchSync: jest.fn(),
	startSearchSync: jest.fn(),
	searchSyncAction: jest.fn(),
} ) );
const mockedFetch = jest.mocked( fetchSearchSync );
const mockedStart = jest.mocked( startSearchSync );
const mockedAction = jest.mocked( searchSyncAction );

describe( 'SearchIndexPanel', () => {
	beforeEach( () => {
		mockedFetch.mockReset();
		mockedStart.mockReset();
		mockedAction.mockReset();
	} );

	it( 'shows both counts, runs a re-index step by step and reports it', async () => {
		const announce = jest.fn();
		const done = syncJob( {
			status: 'done',
			processed: 200,
			steps: 2,
			finished_at: 1700000100,
			counts: {
				indexed: 200,
				skipped: 0,
				rejected: 0,
				removed: 1,
				missing: 50,
				stale: 0,
				extra: 1,
			},
			fixed: { missing: [ 3, 5 ], stale: [], extra: [ 999 ] },
		} );
		mockedFetch
			.mockResolvedValueOnce( syncReport() )
			.mockResolvedValue( syncReport( { job: done, index: 200 } ) );
		mockedStart.mockResolvedValue( syncAnswer( syncJob() ) );
		const releases: Array< ( value: SyncAnswer ) => void > = [];
		mockedAction.mockImplementation(
			() =>
				new Promise( ( resolve ) => {
					releases.push( resolve );
				} )
		);

		render( <SearchIndexPanel announce={ announce } /> );
		await settle();
		expect(
			screen.getByText( 'Published in WordPress' ).nextSibling
				?.textContent
		).toBe( '200' );
		expect(
			screen.getByText( 'In the search index' ).nextSibling?.textContent
		).toBe( '150' );

		fireEvent.click( screen.getByRole( 'button', { name: 'Re-index' } ) );
		await settle();
		expect( mockedStart ).toHaveBeenCalledWith( 'reindex' );
		expect( mockedAction ).toHaveBeenCalledWith( 'step' );
		expect(
			screen
				.getByRole( 'button', { name: 'Re-index' } )
				.getAttribute( 'aria-disabled' )
		).toBe( 'true' );

		await act( async () =>
			releases[ 0 ](
				syncAnswer( syncJob( { processed: 100, steps: 1 } ) )
			)
		);
		await settle();
		const bar = screen.getByRole( 'progressbar', {
			name: 'Re-index in progress',
		} );
		expect( bar.getAttribute( 'aria-valuetext' ) ).toBe(
			'100 of 200 posts checked (50%)'
		);

		await act( async () => releases[ 1 ]( syncAnswer( done ) ) );
		await settle();
		expect( screen.queryByRole( 'progressbar' ) ).toBeNull();
		expect(
			screen.getByText( 'In the search index' ).nextSibling?.textContent
		).toBe( '200' );
		expect(
			screen.getByText( 'Drift found: 50 missing, 0 stale, 1 extra.' )
		).toBeTruthy();
		expect(
			screen.getByText( 'Added missing posts: 3, 5 and 48 more' )
		).toBeTruthy();
		expect(
			screen.getByText( 'Removed extra documents: 999' )
		).toBeTruthy();
		expect( announce ).toHaveBeenCalledWith(
			'success',
			'Re-index finished: 200 documents sent, 1 removed.'
		);
	} );

	it( 'shows a failed job with its message, and resumes it', async () => {
		const failed = syncJob( {
			mode: 'reconcile',
			status: 'failed',
			processed: 40,
			error: {
				code: 'switchboard_upstream_unavailable',
				message:
					'The search service failed while sending documents: The service could not be reached. Progress is kept; resume to continue.',
			},
		} );
		mockedFetch.mockResolvedValue( syncReport( { job: failed } ) );
		mockedAction
			.mockResolvedValueOnce(
				syncAnswer( syncJob( { mode: 'reconcile', processed: 40 } ) )
			)
			.mockResolvedValueOnce(
				syncAnswer(
					syncJob( {
						mode: 'reconcile',
						status: 'done',
						processed: 200,
					} )
				)
			);

		render( <SearchIndexPanel announce={ jest.fn() } /> );
		await settle();
		expect( screen.getByRole( 'alert' ).textContent ).toContain(
			'The service could not be reached.'
		);
		expect( screen.getByRole( 'alert' ).textContent ).toContain(
			'Stopped at: 40 of 200 posts checked (20%)'
		);

		fireEvent.click( screen.getByRole( 'button', { name: 'Resume' } ) );
		await settle();
		expect( mockedAction.mock.calls.map( ( call ) => call[ 0 ] ) ).toEqual(
			[ 'resume', 'step' ]
		);
	} );

	it( 'picks up a job left running, as after a reload, and says when the service cannot count', async () => {
		mockedFetch.mockResolvedValue(
			syncReport( {
				job: syncJob( { processed: 20 } ),
				index: null,
				index_error: 'The service could not be reached.',
			} )
		);
		mockedAction.mockResolvedValue(
			syncAnswer( syncJob( { status: 'done', processed: 200 } ) )
		);

		render( <SearchIndexPanel announce={ jest.fn() } /> );
		await settle();
		expect( mockedAction ).toHaveBeenCalledWith( 'step' );
		expect(
			screen.getByText(
				'The search service could not say how many documents it holds: The service could not be reached.'
			)
		).toBeTruthy();
	} );
} );
