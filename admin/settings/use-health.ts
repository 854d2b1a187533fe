/**
 * Loads the health report and refreshes it every REFRESH_MS while the screen is open (and visible).
 * A refresh that is still running when the next one starts is aborted.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import { fetchHealth } from './api';
import { errorMessage, isAbort } from './rest-error';
import type { HealthReport } from './types';

export const REFRESH_MS = 15_000;

export function useHealth(): {
	health: HealthReport | null;
	error: string | null;
	loading: boolean;
	refresh: () => void;
} {
	const [ health, setHealth ] = useState< HealthReport | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	const [ loading, setLoading ] = useState( true );
	const controller = useRef< AbortController | null >( null );

	const refresh = useCallback( () => {
		controller.current?.abort();
		const current = new AbortController();
		controller.current = current;
		setLoading( true );
		fetchHealth( current.signal )
			.then( ( report ) => {
				setHealth( report );
				setError( null );
			} )
			.catch( ( reason: unknown ) => {
				if ( ! isAbort( reason ) ) {
					setError( errorMessage( reason ) );
				}
			} )
			.finally( () => {
				if ( controller.current === current ) {
					setLoading( false );
				}
			} );
	}, [] );

	useEffect( () => {
		refresh();
		const timer = window.setInterval( () => {
			if ( document.visibilityState !== 'hidden' ) {
				refresh();
			}
		}, REFRESH_MS );
		return () => {
			window.clearInterval( timer );
			controller.current?.abort();
		};
	}, [ refresh ] );

	return { health, error, loading, refresh };
}
