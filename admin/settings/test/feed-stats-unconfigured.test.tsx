/**
 * The Feed personalization panel before the feed service has an address: it asks for nothing (a 503 on every
 * visit would read as an outage) and says what to do; once the address is known it reads the statistics.
 */
import { describe, expect, it, jest } from '@jest/globals';
import { render, screen } from '@testing-library/react';

import { fetchFeedStats } from '../api';
import { FeedStatsPanel } from '../feed-stats-panel';

jest.mock( '../api', () => ( {
	fetchFeedStats: jest.fn(),
} ) );
const mockedFetch = jest.mocked( fetchFeedStats );

describe( 'FeedStatsPanel without a feed service', () => {
	it( 'reads nothing and says how to connect the service', () => {
		render( <FeedStatsPanel configured={ false } /> );

		expect( mockedFetch ).not.toHaveBeenCalled();
		expect(
			screen.getByText( /Set the feed service’s address above/ )
		).toBeTruthy();
		expect(
			screen.getByRole( 'button', { name: 'Refresh' } )
		).toHaveProperty( 'ariaDisabled', 'true' );
		expect( screen.queryByRole( 'alert' ) ).toBeNull();
	} );

	it( 'waits for the health report before reading', () => {
		render( <FeedStatsPanel /> );

		expect( mockedFetch ).not.toHaveBeenCalled();
	} );
} );
