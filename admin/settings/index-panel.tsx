/**
 * An index panel (the search index, the feed catalogue): posts WordPress publishes against documents the
 * service holds, a full re-index and a drift check with a progress bar, and the last run's report. The job
 * runs in WordPress one step at a time; this screen drives the steps while it is open, and WP-Cron carries
 * on when it is not.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	ProgressBar,
	Spinner,
} from '@wordpress/components';
import { useCallback } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { formatTime, NO_VALUE } from './format';
import {
	modeLabel,
	progressText,
	reportLines,
	syncPercent,
} from './sync-progress';
import type { IndexTarget } from './index-targets';
import type { SyncJob } from './types';
import type { Announce } from './use-notices';
import { useIndexSync } from './use-index-sync';

type Props = {
	/** Which index, with its routes and words. */
	target: IndexTarget;
	announce: Announce;
};

/**
 * The sentence a finished, failed or cancelled job gets in the notices.
 *
 * @param job The job.
 */
function finishedMessage( job: SyncJob ): string {
	if ( job.status === 'done' ) {
		return sprintf(
			/* translators: 1: "Re-index" or "Drift check", 2: documents sent, 3: documents removed. */
			__(
				'%1$s finished: %2$d documents sent, %3$d removed.',
				'switchboard'
			),
			modeLabel( job.mode ),
			job.counts.indexed,
			job.counts.removed
		);
	}
	if ( job.status === 'cancelled' ) {
		return sprintf(
			/* translators: %s: "Re-index" or "Drift check". */
			__( '%s cancelled.', 'switchboard' ),
			modeLabel( job.mode )
		);
	}
	return sprintf(
		/* translators: 1: "Re-index" or "Drift check", 2: error message. */
		__( '%1$s stopped: %2$s', 'switchboard' ),
		modeLabel( job.mode ),
		job.error?.message ?? ''
	);
}

export function IndexPanel( { target, announce }: Props ) {
	const onFinished = useCallback(
		( finished: SyncJob ) =>
			announce(
				finished.status === 'done' ? 'success' : 'error',
				finishedMessage( finished )
			),
		[ announce ]
	);
	const {
		report,
		job,
		error,
		pending,
		stalled,
		start,
		resume,
		cancel,
		drive,
	} = useIndexSync( target.api, target.notRunningCode, onFinished );

	const running = job?.status === 'running';
	const failed = job?.status === 'failed';
	const busy = pending || running;
	const id = `switchboard-${ target.service }-index`;
	const intro = target.intro();

	return (
		<Card as="section" aria-labelledby={ `${ id }-title` }>
			<CardHeader>
				<h2 id={ `${ id }-title` }>{ target.title() }</h2>
			</CardHeader>
			<CardBody>
				{ intro !== null && <p>{ intro }</p> }
				{ report === null && error === null && (
					<p className="switchboard-settings__loading">
						<Spinner /> { target.loading() }
					</p>
				) }
				{ report !== null && (
					<dl className="switchboard-outbox__counts">
						<div>
							<dt>
								{ __(
									'Published in WordPress',
									'switchboard'
								) }
							</dt>
							<dd>{ report.published }</dd>
						</div>
						<div>
							<dt>{ target.heldLabel() }</dt>
							<dd>{ report.index ?? NO_VALUE }</dd>
						</div>
					</dl>
				) }
				{ report !== null &&
					report.index === null &&
					report.index_error && (
						<p className="switchboard-settings__error">
							{ target.countError( report.index_error ) }
						</p>
					) }
				{ error !== null && (
					<p className="switchboard-settings__error" role="alert">
						{ error }
					</p>
				) }

				{ job && running && (
					<div className="switchboard-index__progress">
						<p id={ `${ id }-progress-label` }>
							{ sprintf(
								/* translators: %s: "Re-index" or "Drift check". */
								__( '%s in progress', 'switchboard' ),
								modeLabel( job.mode )
							) }
						</p>
						<ProgressBar
							className="switchboard-index__bar"
							value={ syncPercent( job ) }
							aria-labelledby={ `${ id }-progress-label` }
							aria-valuetext={ progressText( job ) }
						/>
						<p>{ progressText( job ) }</p>
					</div>
				) }

				{ job && failed && job.error && (
					<div className="switchboard-settings__error" role="alert">
						<p>{ job.error.message }</p>
						<p>
							{ sprintf(
								/* translators: %s: progress, e.g. "120 of 300 posts checked (40%)". */
								__( 'Stopped at: %s', 'switchboard' ),
								progressText( job )
							) }
						</p>
					</div>
				) }

				<div className="switchboard-settings__actions">
					<Button
						variant="primary"
						onClick={ () => start( 'reindex' ) }
						disabled={ busy || report === null }
						accessibleWhenDisabled
					>
						{ __( 'Re-index', 'switchboard' ) }
					</Button>
					<Button
						variant="secondary"
						onClick={ () => start( 'reconcile' ) }
						disabled={ busy || report === null }
						accessibleWhenDisabled
					>
						{ __( 'Check for drift', 'switchboard' ) }
					</Button>
					{ failed && (
						<Button
							variant="secondary"
							onClick={ resume }
							disabled={ pending }
							accessibleWhenDisabled
						>
							{ __( 'Resume', 'switchboard' ) }
						</Button>
					) }
					{ running && stalled && (
						<Button variant="secondary" onClick={ drive }>
							{ __( 'Continue', 'switchboard' ) }
						</Button>
					) }
					{ ( running || failed ) && (
						<Button
							variant="tertiary"
							isDestructive
							onClick={ async () => {
								await cancel();
								announce( 'info', target.cancelled() );
							} }
							disabled={ pending }
							accessibleWhenDisabled
						>
							{ __( 'Cancel', 'switchboard' ) }
						</Button>
					) }
				</div>

				{ job && ! running && (
					<div className="switchboard-index__report">
						<h3>
							{ sprintf(
								/* translators: 1: "Re-index" or "Drift check", 2: date and time. */
								__( 'Last run: %1$s, %2$s', 'switchboard' ),
								modeLabel( job.mode ),
								formatTime( job.finished_at ?? job.updated_at )
							) }
						</h3>
						<p>
							{ job.status === 'done' &&
								__( 'Finished.', 'switchboard' ) }
							{ job.status === 'failed' &&
								__(
									'Failed; resume it to continue.',
									'switchboard'
								) }
							{ job.status === 'cancelled' &&
								__( 'Cancelled.', 'switchboard' ) }{ ' ' }
							{ progressText( job ) }
						</p>
						<ul>
							{ reportLines( job ).map( ( line ) => (
								<li key={ line }>{ line }</li>
							) ) }
						</ul>
					</div>
				) }
			</CardBody>
		</Card>
	);
}
