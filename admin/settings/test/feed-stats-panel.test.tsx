/**
 * The Feed personalization panel: the statistics in a captioned table with row and column headers, the
 * counts and the lift; a clear alert when the service is down, which clears numbers shown before.
 */
import { beforeEach, describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen, within } from '@testing-library/react';

import { fetchFeedStats } from '../api';
import { FeedStatsPanel } from '../feed-stats-panel';
import type { FeedStatsReport } from '../types';
import { settle } from './sync-fixtures';

jest.mock( '../api', () => ( {
	fetchFeedStats: jest.fn(),
} ) );
const mockedFetch = jest.mocked( fetchFeedStats );

const REPORT: FeedStatsReport = {
	stats: {
		catalogue: 1200,
		profiles: 340,
		events: 9100,
		holdout_share: 0.1,
		modes: {
			personalized: { impressions: 4000, clicks: 240, ctr: 0.06 },
			holdout: { impressions: 500, clicks: 20, ctr: 0.04 },
			cold: { impressions: 0, clicks: 0, ctr: null },
		},
		lift: 0.5,
	},
	generated_at: 1700000000,
};

describe( 'FeedStatsPanel', () => {
	beforeEach( () => {
		mockedFetch.mockReset();
	} );

	it( 'shows the counts, the lift and a table of the modes', async () => {
		mockedFetch.mockResolvedValue( REPORT );
		render( <FeedStatsPanel configured /> );
		await settle();

		expect(
			screen.getByRole( 'region', { name: 'Feed personalization' } )
		).toBeTruthy();
		const count = ( label: string ) =>
			screen.getByText( label ).nextSibling?.textContent;
		expect( count( 'Posts in the catalogue' ) ).toBe( '1,200' );
		expect( count( 'Reader profiles' ) ).toBe( '340' );
		expect( count( 'Reader events stored' ) ).toBe( '9,100' );
		expect( count( 'Holdout share' ) ).toBe( '10%' );
		expect( count( 'Lift of personalized over holdout' ) ).toBe( '+50%' );

		const table = screen.getByRole( 'table', {
			name: 'Impressions and clicks by kind of feed',
		} );
		expect(
			within( table )
				.getAllByRole( 'columnheader' )
				.map( ( cell ) => cell.textContent )
		).toEqual( [ 'Feed', 'Impressions', 'Clicks', 'Click-through rate' ] );
		const personalized = within( table ).getByRole( 'row', {
			name: /^Personalized/,
		} );
		expect(
			within( personalized )
				.getAllByRole( 'cell' )
				.map( ( cell ) => cell.textContent )
		).toEqual( [ '4,000', '240', '6%' ] );
		const cold = within( table ).getByRole( 'row', {
			name: /^Cold start/,
		} );
		expect(
			within( cold )
				.getAllByRole( 'cell' )
				.map( ( cell ) => cell.textContent )
		).toEqual( [ '0', '0', '—' ] );
		expect(
			within( table ).getByRole( 'rowheader', {
				name: 'Holdout (not personalized)',
			} )
		).toBeTruthy();
		expect( screen.queryByRole( 'alert' ) ).toBeNull();
	} );

	it( 'says when the lift cannot be measured yet', async () => {
		mockedFetch.mockResolvedValue( {
			...REPORT,
			stats: { ...REPORT.stats, lift: null, holdout_share: null },
		} );
		render( <FeedStatsPanel configured /> );
		await settle();
		expect(
			screen.getByText( 'Lift of personalized over holdout' ).nextSibling
				?.textContent
		).toBe( 'Not measurable yet' );
		expect(
			screen.getByText( 'Holdout share' ).nextSibling?.textContent
		).toBe( '—' );
	} );

	it( 'shows a clear alert when the service is down, and drops numbers shown before', async () => {
		mockedFetch.mockResolvedValueOnce( REPORT ).mockRejectedValueOnce( {
			code: 'switchboard_upstream_unavailable',
			message: 'The service could not be reached.',
			data: { status: 503 },
		} );
		render( <FeedStatsPanel configured /> );
		await settle();
		expect( screen.getByRole( 'table' ) ).toBeTruthy();

		fireEvent.click( screen.getByRole( 'button', { name: 'Refresh' } ) );
		await settle();
		expect( mockedFetch ).toHaveBeenCalledTimes( 2 );
		expect( screen.getByRole( 'alert' ).textContent ).toBe(
			'The feed statistics could not be loaded: The service could not be reached.'
		);
		expect( screen.queryByRole( 'table' ) ).toBeNull();
		expect( screen.queryByText( 'Posts in the catalogue' ) ).toBeNull();
	} );
} );
