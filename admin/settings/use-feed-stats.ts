/**
 * The Feed personalization panel's state: the statistics read on load and on demand. A failed read clears
 * what was shown, so the panel never passes stale numbers off as current while the service is down.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { fetchFeedStats } from './api';
import { errorMessage, isAbort } from './rest-error';
import type { FeedStatsReport } from './types';

export type FeedStatsState = {
	report: FeedStatsReport | null;
	/** Why the last read failed. */
	error: string | null;
	loading: boolean;
	refresh: () => void;
};

/**
 * @param enabled Whether to read: false while the feed service has no URL (there is nothing to ask, and a
 *                503 on every visit to the screen would read as an outage).
 */
export function useFeedStats( enabled = true ): FeedStatsState {
	const [ report, setReport ] = useState< FeedStatsReport | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	const [ loading, setLoading ] = useState( enabled );
	const current = useRef< AbortController | null >( null );

	const refresh = useCallback( () => {
		current.current?.abort();
		const controller = new AbortController();
		current.current = controller;
		setLoading( true );
		fetchFeedStats( controller.signal )
			.then( ( next ) => {
				if ( ! controller.signal.aborted ) {
					setReport( next );
					setError( null );
				}
			} )
			.catch( ( reason: unknown ) => {
				if ( ! controller.signal.aborted && ! isAbort( reason ) ) {
					setReport( null );
					setError( errorMessage( reason ) );
				}
			} )
			.finally( () => {
				if ( ! controller.signal.aborted ) {
					setLoading( false );
				}
			} );
	}, [] );

	useEffect( () => {
		if ( ! enabled ) {
			setLoading( false );
			return;
		}
		refresh();
		return () => current.current?.abort();
	}, [ enabled, refresh ] );

	return { report, error, loading, refresh };
}
