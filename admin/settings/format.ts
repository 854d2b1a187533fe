/**
 * Numbers and times as the screen shows them. Pure, so they are unit-tested.
 */
import { __, sprintf } from '@wordpress/i18n';

/** Shown where there is no value yet (no traffic, no sample). */
export const NO_VALUE = '—';

/**
 * A latency: milliseconds below a second, seconds with one decimal above.
 *
 * @param ms     Milliseconds, or null when there is no sample.
 * @param locale Locale for the digits; the browser's when undefined.
 */
export function formatLatency( ms: number | null, locale?: string ): string {
	if ( ms === null || ! Number.isFinite( ms ) ) {
		return NO_VALUE;
	}
	if ( ms >= 1000 ) {
		const seconds = new Intl.NumberFormat( locale, {
			maximumFractionDigits: 1,
		} ).format( ms / 1000 );
		/* translators: %s: a duration in seconds, e.g. 1.5 */
		return sprintf( __( '%s s', 'switchboard' ), seconds );
	}
	const millis = new Intl.NumberFormat( locale, {
		maximumFractionDigits: ms < 10 ? 1 : 0,
	} ).format( ms );
	/* translators: %s: a duration in milliseconds, e.g. 120 */
	return sprintf( __( '%s ms', 'switchboard' ), millis );
}

/**
 * A ratio between 0 and 1 as a percentage with at most one decimal.
 *
 * @param ratio  Ratio, or null when there is nothing to divide by.
 * @param locale Locale for the digits; the browser's when undefined.
 */
export function formatPercent( ratio: number | null, locale?: string ): string {
	if ( ratio === null || ! Number.isFinite( ratio ) ) {
		return NO_VALUE;
	}
	return new Intl.NumberFormat( locale, {
		style: 'percent',
		maximumFractionDigits: 1,
	} ).format( ratio );
}

/**
 * A Unix time as a short local date and time.
 *
 * @param seconds Unix time in seconds.
 * @param locale  Locale; the browser's when undefined.
 */
export function formatTime( seconds: number, locale?: string ): string {
	return new Intl.DateTimeFormat( locale, {
		dateStyle: 'medium',
		timeStyle: 'short',
	} ).format( new Date( seconds * 1000 ) );
}

/**
 * A Unix time as hours and minutes, for the chart's minutes.
 *
 * @param seconds Unix time in seconds.
 * @param locale  Locale; the browser's when undefined.
 */
export function formatClock( seconds: number, locale?: string ): string {
	return new Intl.DateTimeFormat( locale, {
		hour: '2-digit',
		minute: '2-digit',
	} ).format( new Date( seconds * 1000 ) );
}
