/**
 * Geometry of the per-minute traffic chart: one bar per minute, scaled to the busiest minute.
 */
import type { MetricsPoint } from './types';

export type Bar = {
	/** Left edge in the chart's coordinates (mirrored for right-to-left languages). */
	x: number;
	width: number;
	/** Height of the whole bar (all requests). */
	total: number;
	/** Height of the failed part, drawn from the baseline. */
	failed: number;
};

/**
 * Lays out the bars of a series, oldest first in reading order.
 *
 * @param series Points, oldest first.
 * @param width  Chart width.
 * @param height Chart height (the busiest minute's bar).
 * @param rtl    Whether time runs from right to left.
 */
export function layoutBars(
	series: MetricsPoint[],
	width: number,
	height: number,
	rtl = false
): Bar[] {
	if ( series.length === 0 ) {
		return [];
	}
	const busiest = Math.max( 1, ...series.map( ( point ) => point.requests ) );
	const slot = width / series.length;
	const gap = slot > 3 ? 1 : 0;
	return series.map( ( point, index ) => {
		const position = rtl ? series.length - 1 - index : index;
		const total = ( point.requests / busiest ) * height;
		// A minute with traffic always shows at least a sliver.
		const visible = point.requests > 0 ? Math.max( 1, total ) : 0;
		return {
			x: position * slot,
			width: Math.max( 0.5, slot - gap ),
			total: visible,
			failed:
				point.requests > 0
					? ( Math.min( point.failures, point.requests ) /
							point.requests ) *
						visible
					: 0,
		};
	} );
}

/**
 * The busiest minute's request count (the chart's scale).
 *
 * @param series Points.
 */
export function busiestMinute( series: MetricsPoint[] ): number {
	return series.reduce(
		( most, point ) => Math.max( most, point.requests ),
		0
	);
}
