/**
 * The Feed catalogue panel: the shared index panel over the feed's own sync routes, with the feed's words,
 * and never the search routes.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import {
	feedSyncAction,
	fetchFeedSync,
	fetchSearchSync,
	searchSyncAction,
	startFeedSync,
	startSearchSync,
} from '../api';
import { FeedCataloguePanel } from '../feed-catalogue-panel';
import type { SyncJob, SyncReport } from '../types';
import { settle, syncAnswer, syncJob, syncReport } from './sync-fixtures';

jest.mock( '../api', () => ( {
	fetchFeedSync: jest.fn(),
	startFeedSync: jest.fn(),
	feedSyncAction: jest.fn(),
	fetchSearchSync: jest.fn(),
	startSearchSync: jest.fn(),
	searchSyncAction: jest.fn(),
} ) );
const mockedFetch = jest.mocked( fetchFeedSync );
const mockedStart = jest.mocked( startFeedSync );
const mockedAction = jest.mocked( feedSyncAction );

// The feed's own job id and a smaller site, so nothing here can pass on the search panel's figures.
const job = ( overrides: Partial< SyncJob > = {} ) =>
	syncJob( { id: 'job-feed', total: 80, ...overrides } );
const report = ( overrides: Partial< SyncReport > = {} ) =>
	syncReport( { published: 80, index: 0, ...overrides } );
const answer = ( state: SyncJob ) => syncAnswer( state );

describe( 'FeedCataloguePanel', () => {
	beforeEach( () => {
		jest.mocked( fetchFeedSync ).mockReset();
		jest.mocked( startFeedSync ).mockReset();
		jest.mocked( feedSyncAction ).mockReset();
		jest.mocked( fetchSearchSync ).mockReset();
		jest.mocked( startSearchSync ).mockReset();
		jest.mocked( searchSyncAction ).mockReset();
	} );

	it( 'shows the catalogue under its own heading and re-indexes it through the feed routes', async () => {
		const announce = jest.fn();
		const done = job( {
			status: 'done',
			processed: 80,
			finished_at: 1700000060,
			counts: {
				indexed: 80,
				skipped: 0,
				rejected: 0,
				removed: 0,
				missing: 80,
				stale: 0,
				extra: 0,
			},
		} );
		mockedFetch
			.mockResolvedValueOnce( report() )
			.mockResolvedValue( report( { job: done, index: 80 } ) );
		mockedStart.mockResolvedValue( answer( job() ) );
		mockedAction
			.mockResolvedValueOnce( answer( job( { processed: 40 } ) ) )
			.mockResolvedValueOnce( answer( done ) );

		render( <FeedCataloguePanel announce={ announce } /> );
		await settle();
		expect(
			screen.getByRole( 'heading', { level: 2, name: 'Feed catalogue' } )
		).toBeTruthy();
		expect(
			screen.getByRole( 'region', { name: 'Feed catalogue' } )
		).toBeTruthy();
		expect(
			screen.getByText( 'In the feed catalogue' ).nextSibling?.textContent
		).toBe( '0' );

		fireEvent.click( screen.getByRole( 'button', { name: 'Re-index' } ) );
		await settle();
		expect( mockedStart ).toHaveBeenCalledWith( 'reindex' );
		expect( mockedAction.mock.calls.map( ( call ) => call[ 0 ] ) ).toEqual(
			[ 'step', 'step' ]
		);
		expect(
			screen.getByText( 'In the feed catalogue' ).nextSibling?.textContent
		).toBe( '80' );
		expect( announce ).toHaveBeenCalledWith(
			'success',
			'Re-index finished: 80 documents sent, 0 removed.'
		);
		expect( fetchSearchSync ).not.toHaveBeenCalled();
		expect( startSearchSync ).not.toHaveBeenCalled();
		expect( searchSyncAction ).not.toHaveBeenCalled();
	} );

	it( 'says when the feed service cannot count, and cancels with the feed’s words', async () => {
		const announce = jest.fn();
		mockedFetch.mockResolvedValue(
			report( {
				job: job( { status: 'failed', processed: 20 } ),
				index: null,
				index_error: 'The service could not be reached.',
			} )
		);
		mockedAction.mockResolvedValue(
			answer( job( { status: 'cancelled', finished_at: 1700000100 } ) )
		);

		render( <FeedCataloguePanel announce={ announce } /> );
		await settle();
		expect(
			screen.getByText(
				'The feed service could not say how many posts its catalogue holds: The service could not be reached.'
			)
		).toBeTruthy();

		fireEvent.click( screen.getByRole( 'button', { name: 'Cancel' } ) );
		await settle();
		expect( mockedAction ).toHaveBeenCalledWith( 'cancel' );
		expect( announce ).toHaveBeenCalledWith(
			'info',
			'The feed catalogue sync was cancelled.'
		);
	} );

	it( 'treats a step that finds no job running (another driver finished it) as the end, not an error', async () => {
		mockedFetch.mockResolvedValue( report( { job: job() } ) );
		mockedAction.mockRejectedValue( {
			code: 'switchboard_feed_sync_not_running',
			message: 'No feed catalogue sync is running.',
		} );

		render( <FeedCataloguePanel announce={ jest.fn() } /> );
		await settle();
		expect( mockedAction ).toHaveBeenCalledWith( 'step' );
		expect(
			screen.queryByText( 'No feed catalogue sync is running.' )
		).toBeNull();
		expect(
			screen.queryByRole( 'button', { name: 'Continue' } )
		).toBeNull();
	} );
} );
