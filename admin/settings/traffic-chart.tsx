/**
 * A small bar chart of a service's requests per minute over the last hour, failed requests highlighted,
 * with the same numbers as a table for screen readers and anyone who prefers text.
 */
import { useId } from '@wordpress/element';
import { __, _n, isRTL, sprintf } from '@wordpress/i18n';

import { busiestMinute, layoutBars } from './chart-scale';
import { formatClock, formatLatency } from './format';
import type { MetricsPoint } from './types';

const WIDTH = 240;
const HEIGHT = 48;

type Props = {
	label: string;
	series: MetricsPoint[];
};

export function TrafficChart( { label, series }: Props ) {
	const id = `switchboard-traffic-${ useId().replace( /:/g, '' ) }`;
	const bars = layoutBars( series, WIDTH, HEIGHT, isRTL() );
	const busiest = busiestMinute( series );
	const busy = series.filter( ( point ) => point.requests > 0 );
	const total = busy.reduce( ( sum, point ) => sum + point.requests, 0 );
	const failed = busy.reduce( ( sum, point ) => sum + point.failures, 0 );

	const summary =
		total === 0
			? __( 'No requests in the last hour.', 'switchboard' )
			: sprintf(
					/* translators: 1: number of requests, 2: number of failed requests, 3: most requests in one minute. */
					_n(
						'%1$d request in the last hour, %2$d failed; at most %3$d in one minute.',
						'%1$d requests in the last hour, %2$d failed; at most %3$d in one minute.',
						total,
						'switchboard'
					),
					total,
					failed,
					busiest
				);

	return (
		<figure className="switchboard-traffic">
			<svg
				className="switchboard-traffic__chart"
				viewBox={ `0 0 ${ WIDTH } ${ HEIGHT }` }
				preserveAspectRatio="none"
				role="img"
				aria-labelledby={ `${ id }-title` }
			>
				<title id={ `${ id }-title` }>
					{ sprintf(
						/* translators: 1: service name, 2: summary of its traffic. */
						__( '%1$s requests per minute. %2$s', 'switchboard' ),
						label,
						summary
					) }
				</title>
				<line
					className="switchboard-traffic__baseline"
					x1={ 0 }
					x2={ WIDTH }
					y1={ HEIGHT - 0.5 }
					y2={ HEIGHT - 0.5 }
				/>
				{ bars.map( ( bar, index ) =>
					bar.total > 0 ? (
						<g key={ index }>
							<rect
								className="switchboard-traffic__ok"
								x={ bar.x }
								width={ bar.width }
								y={ HEIGHT - bar.total }
								height={ bar.total }
							/>
							{ bar.failed > 0 && (
								<rect
									className="switchboard-traffic__failed"
									x={ bar.x }
									width={ bar.width }
									y={ HEIGHT - bar.failed }
									height={ bar.failed }
								/>
							) }
						</g>
					) : null
				) }
			</svg>
			<figcaption className="switchboard-traffic__caption">
				{ summary }
			</figcaption>
			{ busy.length > 0 && (
				<details className="switchboard-traffic__details">
					<summary>
						{ __(
							'Requests per minute as a table',
							'switchboard'
						) }
					</summary>
					<table className="widefat striped">
						<thead>
							<tr>
								<th scope="col">
									{ __( 'Minute', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Requests', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'Failed', 'switchboard' ) }
								</th>
								<th scope="col">
									{ __( 'p95', 'switchboard' ) }
								</th>
							</tr>
						</thead>
						<tbody>
							{ busy.map( ( point ) => (
								<tr key={ point.time }>
									<th scope="row">
										{ formatClock( point.time ) }
									</th>
									<td>{ point.requests }</td>
									<td>{ point.failures }</td>
									<td>{ formatLatency( point.p95_ms ) }</td>
								</tr>
							) ) }
						</tbody>
					</table>
				</details>
			) }
		</figure>
	);
}
