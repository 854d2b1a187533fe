/**
 * One service's health: up or down, its circuit, the last hour's latency, errors and cache use, a chart,
 * and a button that tests the connection.
 */
import {
	Button,
	Card,
	CardBody,
	CardHeader,
	Spinner,
} from '@wordpress/components';
import { useState } from '@wordpress/element';
import { __, sprintf } from '@wordpress/i18n';

import { testConnection } from './api';
import { formatLatency, formatPercent, formatTime, NO_VALUE } from './format';
import { errorMessage } from './rest-error';
import { TrafficChart } from './traffic-chart';
import type { CircuitState, ServiceHealth, ServiceStatus } from './types';
import type { Announce } from './use-notices';

// Looked up defensively: a page left open across a plugin update may meet a value it does not know.
const STATUS_LABELS: Record< ServiceStatus, () => string > = {
	up: () => __( 'Up', 'switchboard' ),
	degraded: () => __( 'Degraded', 'switchboard' ),
	down: () => __( 'Down', 'switchboard' ),
	idle: () => __( 'No recent traffic', 'switchboard' ),
	unconfigured: () => __( 'Not configured', 'switchboard' ),
};

const CIRCUIT_LABELS: Record< CircuitState, () => string > = {
	closed: () => __( 'Closed (calls go through)', 'switchboard' ),
	open: () => __( 'Open (calls are refused)', 'switchboard' ),
	'half-open': () =>
		__( 'Half-open (one probe may go through)', 'switchboard' ),
};

type Props = {
	service: ServiceHealth;
	announce: Announce;
	/** Called after a connection test, so the health view refreshes. */
	onTested: () => void;
};

export function ServiceCard( { service, announce, onTested }: Props ) {
	const [ testing, setTesting ] = useState( false );
	const { metrics, circuit } = service;
	const last = circuit.last_failure;

	const runTest = async () => {
		setTesting( true );
		try {
			const result = await testConnection( service.id );
			if ( result.ok ) {
				announce(
					'success',
					sprintf(
						/* translators: 1: service name, 2: a duration. */
						__( '%1$s answered in %2$s.', 'switchboard' ),
						service.label,
						formatLatency( result.latency_ms )
					)
				);
			} else {
				announce(
					'error',
					sprintf(
						/* translators: 1: service name, 2: error message, 3: error code. */
						__( '%1$s: %2$s (%3$s)', 'switchboard' ),
						service.label,
						result.message,
						result.code
					)
				);
			}
		} catch ( error ) {
			announce( 'error', errorMessage( error ) );
		} finally {
			setTesting( false );
			onTested();
		}
	};

	return (
		<Card
			className={ `switchboard-service switchboard-service--${ service.status }` }
			as="section"
			aria-labelledby={ `switchboard-service-${ service.id }` }
		>
			<CardHeader>
				<h3
					className="switchboard-service__name"
					id={ `switchboard-service-${ service.id }` }
				>
					{ service.label }
				</h3>
				<span
					className={ `switchboard-status switchboard-status--${ service.status }` }
				>
					{ (
						STATUS_LABELS[ service.status ] ?? STATUS_LABELS.idle
					)() }
				</span>
			</CardHeader>
			<CardBody>
				<dl className="switchboard-service__facts">
					<div>
						<dt>{ __( 'Address', 'switchboard' ) }</dt>
						<dd className="switchboard-service__url">
							{ service.url === '' ? NO_VALUE : service.url }
						</dd>
					</div>
					<div>
						<dt>{ __( 'Circuit', 'switchboard' ) }</dt>
						<dd>
							{ (
								CIRCUIT_LABELS[ circuit.state ] ??
								CIRCUIT_LABELS.open
							)() }
						</dd>
					</div>
					<div>
						<dt>{ __( 'Latency p50 / p95', 'switchboard' ) }</dt>
						<dd>
							{ formatLatency( metrics.p50_ms ) } /{ ' ' }
							{ formatLatency( metrics.p95_ms ) }
						</dd>
					</div>
					<div>
						<dt>{ __( 'Error rate', 'switchboard' ) }</dt>
						<dd>{ formatPercent( metrics.error_rate ) }</dd>
					</div>
					<div>
						<dt>{ __( 'Cache hit ratio', 'switchboard' ) }</dt>
						<dd>{ formatPercent( metrics.cache_hit_ratio ) }</dd>
					</div>
					<div>
						<dt>{ __( 'Last failure', 'switchboard' ) }</dt>
						<dd>
							{ last === null
								? NO_VALUE
								: sprintf(
										/* translators: 1: error message, 2: error code, 3: date and time. */
										__(
											'%1$s (%2$s), %3$s',
											'switchboard'
										),
										last.message,
										last.code,
										formatTime( last.time )
									) }
						</dd>
					</div>
				</dl>
				<TrafficChart
					label={ service.label }
					series={ metrics.series }
				/>
				<div className="switchboard-service__actions">
					<Button
						variant="secondary"
						onClick={ runTest }
						disabled={ testing }
						aria-disabled={ testing }
						__next40pxDefaultSize
					>
						{ sprintf(
							/* translators: %s: service name. */
							__( 'Test connection to %s', 'switchboard' ),
							service.label
						) }
					</Button>
					{ testing && <Spinner /> }
				</div>
			</CardBody>
		</Card>
	);
}
