/**
 * What the Feed personalization panel says about the feed service's statistics. Pure, so it is unit-tested.
 */
import { __ } from '@wordpress/i18n';

import { NO_VALUE } from './format';
import type { FeedMode } from './types';

/** The modes in the order the table lists them. */
export const FEED_MODES: FeedMode[] = [ 'personalized', 'holdout', 'cold' ];

/**
 * A mode's name, as the table's row header says it.
 *
 * @param mode The mode.
 */
export function feedModeLabel( mode: FeedMode ): string {
	switch ( mode ) {
		case 'personalized':
			return __( 'Personalized', 'switchboard' );
		case 'holdout':
			return __( 'Holdout (not personalized)', 'switchboard' );
		default:
			return __( 'Cold start (too little history)', 'switchboard' );
	}
}

/**
 * The lift of personalized over holdout click-through, signed ("+12.5%", "−3%"), or why there is none.
 *
 * @param lift   Personalized CTR / holdout CTR − 1, or null when it cannot be measured.
 * @param locale Locale for the digits; the browser's when undefined.
 */
export function formatLift( lift: number | null, locale?: string ): string {
	if ( lift === null || ! Number.isFinite( lift ) ) {
		return __( 'Not measurable yet', 'switchboard' );
	}
	return new Intl.NumberFormat( locale, {
		style: 'percent',
		maximumFractionDigits: 1,
		signDisplay: 'exceptZero',
	} ).format( lift );
}

/**
 * A count with the locale's grouping.
 *
 * @param count  Count, or null.
 * @param locale Locale for the digits; the browser's when undefined.
 */
export function formatCount( count: number | null, locale?: string ): string {
	return count === null || ! Number.isFinite( count )
		? NO_VALUE
		: new Intl.NumberFormat( locale ).format( count );
}
