/**
 * An index panel's state (the search index, the feed catalogue): the counts and the job, read on load, and
 * a driver that runs the job's steps one after another while it runs (a reload picks a running job up
 * again). WordPress's step lock keeps this tab, another tab, WP-Cron and the CLI from running the same step
 * twice.
 */
import { useCallback, useEffect, useRef, useState } from '@wordpress/element';

import type { SyncApi } from './api';
import { errorMessage, isAbort } from './rest-error';
import type { SyncJob, SyncMode, SyncReport } from './types';

/** Milliseconds to wait before asking again while another driver is in a step. */
const BUSY_WAIT = 1000;

export type IndexSync = {
	report: SyncReport | null;
	job: SyncJob | null;
	/** Why the last request failed (not a job's own failure, which is on the job). */
	error: string | null;
	/** Whether a start, resume or cancel is on its way. */
	pending: boolean;
	/** Whether the job runs but this screen stopped driving it (a request failed). */
	stalled: boolean;
	start: ( mode: SyncMode ) => Promise< void >;
	resume: () => Promise< void >;
	cancel: () => Promise< void >;
	drive: () => void;
	refresh: () => Promise< void >;
};

const sleep = ( ms: number ) =>
	new Promise< void >( ( resolve ) => setTimeout( resolve, ms ) );

/**
 * @param api            The service's sync routes (a module constant, so it never changes).
 * @param notRunningCode The error code of a step when no job runs (another driver finished it): not an error.
 * @param onFinished     Told once when a job this screen drove stops running.
 */
export function useIndexSync(
	api: SyncApi,
	notRunningCode: string,
	onFinished: ( job: SyncJob ) => void
): IndexSync {
	const [ report, setReport ] = useState< SyncReport | null >( null );
	const [ job, setJob ] = useState< SyncJob | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	const [ pending, setPending ] = useState( false );
	const [ stalled, setStalled ] = useState( false );
	const driving = useRef( false );
	const mounted = useRef( true );
	const finished = useRef( onFinished );
	finished.current = onFinished;

	const refresh = useCallback( async () => {
		try {
			const next = await api.fetch();
			if ( mounted.current ) {
				setReport( next );
				setJob( next.job );
				setError( null );
			}
		} catch ( reason ) {
			if ( mounted.current && ! isAbort( reason ) ) {
				setError( errorMessage( reason ) );
			}
		}
	}, [ api ] );

	const drive = useCallback( () => {
		if ( driving.current ) {
			return;
		}
		driving.current = true;
		setStalled( false );
		( async () => {
			let current: SyncJob | null = null;
			while ( mounted.current ) {
				try {
					const answer = await api.action( 'step' );
					current = answer.job;
					if ( ! mounted.current ) {
						break;
					}
					setJob( current );
					setError( null );
					if ( current.status !== 'running' ) {
						break;
					}
					if ( answer.busy ) {
						await sleep( BUSY_WAIT );
					}
				} catch ( reason ) {
					const code = ( reason as { code?: unknown } )?.code;
					if ( mounted.current && code !== notRunningCode ) {
						setError( errorMessage( reason ) );
						setStalled( true );
					}
					current = null;
					break;
				}
			}
			driving.current = false;
			if ( mounted.current ) {
				await refresh();
				if ( current && current.status !== 'running' ) {
					finished.current( current );
				}
			}
		} )();
	}, [ api, notRunningCode, refresh ] );

	const act = useCallback(
		async ( call: () => Promise< { job: SyncJob } > ) => {
			setPending( true );
			try {
				const answer = await call();
				if ( mounted.current ) {
					setJob( answer.job );
					setError( null );
					if ( answer.job.status === 'running' ) {
						drive();
					} else {
						await refresh();
					}
				}
			} catch ( reason ) {
				if ( mounted.current ) {
					setError( errorMessage( reason ) );
				}
			} finally {
				if ( mounted.current ) {
					setPending( false );
				}
			}
		},
		[ drive, refresh ]
	);

	const start = useCallback(
		( mode: SyncMode ) => act( () => api.start( mode ) ),
		[ act, api ]
	);
	const resume = useCallback(
		() => act( () => api.action( 'resume' ) ),
		[ act, api ]
	);
	const cancel = useCallback(
		() => act( () => api.action( 'cancel' ) ),
		[ act, api ]
	);

	useEffect( () => {
		mounted.current = true;
		api.fetch()
			.then( ( next ) => {
				if ( ! mounted.current ) {
					return;
				}
				setReport( next );
				setJob( next.job );
				// A job left running (a reload, a closed tab) carries on from here.
				if ( next.job?.status === 'running' ) {
					drive();
				}
			} )
			.catch( ( reason: unknown ) => {
				if ( mounted.current ) {
					setError( errorMessage( reason ) );
				}
			} );
		return () => {
			mounted.current = false;
		};
	}, [ api, drive ] );

	return {
		report,
		job,
		error,
		pending,
		stalled,
		start,
		resume,
		cancel,
		drive,
		refresh,
	};
}
