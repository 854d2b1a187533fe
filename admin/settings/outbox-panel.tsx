/**
 * The events outbox: how many events wait, were delivered or were given up on, and the dead letters and
 * retried events, newest first, with Replay for each dead one.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Spinner,
} from '@wordpress/components';
import { useCallback, useEffect, useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { fetchOutbox, replayEvent } from './api';
import { formatTime, NO_VALUE } from './format';
import { errorMessage } from './rest-error';
import type { OutboxCounts, OutboxPage } from './types';
import type { Announce } from './use-notices';

const PER_PAGE = 20;

type Props = {
	/** Counts from the latest health report; they refresh with it. */
	counts: OutboxCounts | null;
	/** Changes whenever the health report refreshes, so the list refreshes too. */
	refreshKey: number;
	announce: Announce;
	onReplayed: () => void;
};

export function OutboxPanel( {
	counts,
	refreshKey,
	announce,
	onReplayed,
}: Props ) {
	const [ page, setPage ] = useState( 1 );
	const [ list, setList ] = useState< OutboxPage | null >( null );
	const [ error, setError ] = useState< string | null >( null );
	const [ replaying, setReplaying ] = useState< number | null >( null );

	const load = useCallback( () => {
		fetchOutbox( page, PER_PAGE )
			.then( ( result ) => {
				setList( result );
				setError( null );
			} )
			.catch( ( reason: unknown ) => setError( errorMessage( reason ) ) );
	}, [ page ] );

	useEffect( load, [ load, refreshKey ] );

	const replay = async ( id: number ) => {
		setReplaying( id );
		try {
			await replayEvent( id );
			announce(
				'success',
				sprintf(
					/* translators: %d: event number. */
					__( 'Event %d will be delivered again.', 'switchboard' ),
					id
				)
			);
			load();
			onReplayed();
		} catch ( reason ) {
			announce( 'error', errorMessage( reason ) );
		} finally {
			setReplaying( null );
		}
	};

	const shown = counts ?? list?.counts ?? null;

	return (
		<Card as="section" aria-labelledby="switchboard-outbox-title">
			<CardHeader>
				<h2 id="switchboard-outbox-title">
					{ __( 'Content events', 'switchboard' ) }
				</h2>
			</CardHeader>
			<CardBody>
				{ shown && (
					<dl className="switchboard-outbox__counts">
						<div>
							<dt>{ __( 'Waiting', 'switchboard' ) }</dt>
							<dd>{ shown.pending }</dd>
						</div>
						<div>
							<dt>{ __( 'Delivered', 'switchboard' ) }</dt>
							<dd>{ shown.delivered }</dd>
						</div>
						<div>
							<dt>{ __( 'Dead letters', 'switchboard' ) }</dt>
							<dd>{ shown.dead }</dd>
						</div>
					</dl>
				) }
				{ error !== null && (
					<p className="switchboard-settings__error">{ error }</p>
				) }
				{ list === null && error === null && (
					<p className="switchboard-settings__loading">
						<Spinner /> { __( 'Loading events…', 'switchboard' ) }
					</p>
				) }
				{ list !== null && list.items.length === 0 && (
					<p>{ __( 'No failed deliveries.', 'switchboard' ) }</p>
				) }
				{ list !== null && list.items.length > 0 && (
					<table className="widefat striped switchboard-outbox__table">
						<caption>
							{ __(
								'Failed deliveries, newest first',
								'switchboard'
							) }
						</caption>
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Event', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Service', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Type', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'State', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Attempts', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Last error', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Created', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Next attempt', 'switchboard' ) }
								</th>
								<th scope="col">
									<span className="screen-reader-text">
										{ __( 'Actions', 'switchboard' ) }
									</span>
								</th>
							</tr>
						</thead>
						<tbody>
							{ list.items.map( ( item ) => (
								<tr key={ item.id }>
									<th scope="row">{ item.id }</th>
									<td>{ item.service }</td>
									<td>{ item.type }</td>
									<td>
										{ item.status === 'dead'
											? __( 'Dead letter', 'switchboard' )
											: __( 'Retrying', 'switchboard' ) }
									</td>
									<td>{ item.attempts }</td>
									<td>
										<code>
											{ item.last_error || NO_VALUE }
										</code>
									</td>
									<td>{ formatTime( item.created_at ) }</td>
									<td>
										{ item.next_attempt_at === null
											? NO_VALUE
											: formatTime(
													item.next_attempt_at
												) }
									</td>
									<td>
										{ item.status === 'dead' && (
											<Button
												variant="secondary"
												size="small"
												onClick={ () =>
													replay( item.id )
												}
												isBusy={ replaying === item.id }
												disabled={ replaying !== null }
												accessibleWhenDisabled
											>
												{ sprintf(
													/* translators: %d: event number. */
													__(
														'Replay event %d',
														'switchboard'
													),
													item.id
												) }
											</Button>
										) }
									</td>
								</tr>
							) ) }
						</tbody>
					</table>
				) }
				{ list !== null && list.total_pages > 1 && (
					<nav
						className="switchboard-outbox__pages"
						aria-label={ __(
							'Failed deliveries pages',
							'switchboard'
						) }
					>
						<Button
							variant="tertiary"
							onClick={ () => setPage( page - 1 ) }
							disabled={ page <= 1 }
							accessibleWhenDisabled
						>
							{ __( 'Newer', 'switchboard' ) }
						</Button>
						<span>
							{ sprintf(
								/* translators: 1: current page, 2: number of pages. */
								__( 'Page %1$d of %2$d', 'switchboard' ),
								page,
								list.total_pages
							) }
						</span>
						<Button
							variant="tertiary"
							onClick={ () => setPage( page + 1 ) }
							disabled={ page >= list.total_pages }
							accessibleWhenDisabled
						>
							{ __( 'Older', 'switchboard' ) }
						</Button>
					</nav>
				) }
			</CardBody>
		</Card>
	);
}
