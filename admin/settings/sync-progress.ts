/**
 * What an index panel (the search index, the feed catalogue) says about a job: its progress as a number
 * and as words, and its report.
 */
import { __, _n, sprintf } from '@wordpress/i18n';

import type { SyncJob, SyncMode } from './types';

/**
 * How far a job is, from 0 to 100. Posts published while it runs can take it past its starting total;
 * it never shows more than 99 before it is done.
 *
 * @param job The job.
 */
export function syncPercent( job: SyncJob ): number {
	if ( job.status === 'done' ) {
		return 100;
	}
	const total = Math.max( job.total, job.processed, 1 );
	return Math.min( 99, Math.floor( ( job.processed / total ) * 100 ) );
}

/**
 * The job's kind, as a noun phrase.
 *
 * @param mode The job's mode.
 */
export function modeLabel( mode: SyncMode ): string {
	return mode === 'reindex'
		? __( 'Re-index', 'switchboard' )
		: __( 'Drift check', 'switchboard' );
}

/**
 * The progress in words, for the progress bar's value text and the line under it.
 *
 * @param job The job.
 */
export function progressText( job: SyncJob ): string {
	const total = Math.max( job.total, job.processed );
	return sprintf(
		/* translators: 1: posts handled, 2: posts to handle, 3: percentage. */
		_n(
			'%1$d of %2$d post checked (%3$d%%)',
			'%1$d of %2$d posts checked (%3$d%%)',
			total,
			'switchboard'
		),
		job.processed,
		total,
		syncPercent( job )
	);
}

/**
 * The lines of a finished (or stopped) job's report.
 *
 * @param job The job.
 */
export function reportLines( job: SyncJob ): string[] {
	const { counts } = job;
	const lines: string[] = [
		sprintf(
			/* translators: 1: documents sent, 2: documents the index kept because it had newer ones, 3: documents refused, 4: documents removed. */
			__(
				'Sent %1$d, kept %2$d newer, refused %3$d, removed %4$d documents.',
				'switchboard'
			),
			counts.indexed,
			counts.skipped,
			counts.rejected,
			counts.removed
		),
		sprintf(
			/* translators: 1: posts missing from the index, 2: documents out of date, 3: documents WordPress does not publish. */
			__(
				'Drift found: %1$d missing, %2$d stale, %3$d extra.',
				'switchboard'
			),
			counts.missing,
			counts.stale,
			counts.extra
		),
	];
	const kinds: Array<
		[ keyof SyncJob[ 'fixed' ], ( ids: string ) => string ]
	> = [
		[
			'missing',
			( ids ) =>
				/* translators: %s: comma-separated post ids. */
				sprintf( __( 'Added missing posts: %s', 'switchboard' ), ids ),
		],
		[
			'stale',
			( ids ) =>
				/* translators: %s: comma-separated post ids. */
				sprintf( __( 'Updated stale posts: %s', 'switchboard' ), ids ),
		],
		[
			'extra',
			( ids ) =>
				sprintf(
					/* translators: %s: comma-separated post ids. */
					__( 'Removed extra documents: %s', 'switchboard' ),
					ids
				),
		],
	];
	for ( const [ kind, format ] of kinds ) {
		const ids = job.fixed[ kind ];
		if ( ids.length === 0 ) {
			continue;
		}
		const more = counts[ kind ] - ids.length;
		const list =
			more > 0
				? sprintf(
						/* translators: 1: comma-separated post ids, 2: how many more. */
						__( '%1$s and %2$d more', 'switchboard' ),
						ids.join( ', ' ),
						more
					)
				: ids.join( ', ' );
		lines.push( format( list ) );
	}
	for ( const item of job.rejected ) {
		lines.push(
			sprintf(
				/* translators: 1: post id, 2: the service's reason. */
				__( 'Post %1$d was refused: %2$s', 'switchboard' ),
				item.id,
				item.message || item.code
			)
		);
	}
	return lines;
}
