<?php
/**
 * What the feed's view script module reads from the page.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Feed\Consent;

/**
 * The `switchboard/feed` Interactivity config: how consent is asked (Consent::for_browser()), the post being
 * read, the dwell time that makes a read, and the strings the view needs. None of it is per visitor, so a
 * full-page cache can keep it.
 */
final class ViewConfig {

	/**
	 * The Interactivity namespace, the block's `data-wp-interactive`.
	 */
	public const NAMESPACE = 'switchboard/feed';

	/**
	 * The view script module WordPress registers from block.json's `viewScriptModule`.
	 */
	public const MODULE = 'switchboard-feed-view-script-module';

	/**
	 * Dwell time before a read counts, in milliseconds, unless filtered.
	 */
	public const DWELL_MS = 3000;

	/**
	 * Hands the config to the page's Interactivity data (merged, so several calls are harmless).
	 */
	public static function provide(): void {
		wp_interactivity_config( self::NAMESPACE, self::config() );
	}

	/**
	 * The config.
	 *
	 * @return array{consent: array{mode: string, category: string}, reading: int, dwell: int, strings: array{by: string}}
	 */
	public static function config(): array {
		/**
		 * Filters how long a visitor must see a single post, in milliseconds, before it counts as read.
		 *
		 * @param int $dwell Milliseconds of visible time.
		 */
		$dwell = apply_filters( 'switchboard_feed_view_dwell', self::DWELL_MS );

		return array(
			'consent' => Consent::for_browser(),
			'reading' => is_singular( 'post' ) ? (int) get_queried_object_id() : 0,
			'dwell'   => is_numeric( $dwell ) ? max( 0, (int) $dwell ) : self::DWELL_MS,
			'strings' => array(
				/* translators: %s: the author's name. */
				'by' => __( 'By %s', 'switchboard' ),
			),
		);
	}

}
