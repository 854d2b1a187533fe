<?php
/**
 * Where the visitor's consent to a personalized feed comes from.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

/**
 * The feed's consent source, shared by the gateway routes (which refuse when PHP knows consent is missing)
 * and the block (which gets for_browser() through `wp_interactivity_config`).
 *
 * - `wp-consent-api`: a consent plugin provides the WP Consent API; the visitor's choice for the category
 *   (default `preferences`) decides, in the browser and, from its cookie, on the server.
 * - `prompt`: the block's own prompt; the choice lives only in the visitor's browser, so PHP cannot know it.
 * - `granted`: the site collects consent itself (a membership site, say) and every visitor has given it.
 */
final class Consent {

	/**
	 * The built-in prompt.
	 */
	public const PROMPT = 'prompt';

	/**
	 * The WP Consent API.
	 */
	public const WP_CONSENT_API = 'wp-consent-api';

	/**
	 * Consent collected by the site.
	 */
	public const GRANTED = 'granted';

	/**
	 * The WP Consent API category the feed needs when no filter names another.
	 */
	public const DEFAULT_CATEGORY = 'preferences';

	/**
	 * The consent mode: the WP Consent API when a consent plugin provides it, the prompt otherwise, or what
	 * the `switchboard_feed_consent_mode` filter returns (an unknown value keeps the default).
	 *
	 * @return string One of the mode constants.
	 */
	public static function mode(): string {
		$default = function_exists( 'wp_has_consent' ) ? self::WP_CONSENT_API : self::PROMPT;

		/**
		 * Filters where the feed's consent comes from.
		 *
		 * @param string $mode `prompt`, `wp-consent-api` or `granted`.
		 */
		$mode = apply_filters( 'switchboard_feed_consent_mode', $default );

		return in_array( $mode, array( self::PROMPT, self::WP_CONSENT_API, self::GRANTED ), true ) ? $mode : $default;
	}

	/**
	 * The WP Consent API category the feed needs (`preferences` unless filtered).
	 *
	 * @return string
	 */
	public static function category(): string {
		/**
		 * Filters the WP Consent API category that allows the personalized feed.
		 *
		 * @param string $category Default `preferences`.
		 */
		$category = apply_filters( 'switchboard_feed_consent_category', self::DEFAULT_CATEGORY );
		$category = is_string( $category ) ? sanitize_key( $category ) : '';

		return '' === $category ? self::DEFAULT_CATEGORY : $category;
	}

	/**
	 * What the server knows of the current visitor's consent: true when given, false when refused, null
	 * when only the browser knows (the prompt's choice is never sent to the server, by design).
	 *
	 * @return bool|null
	 */
	public static function allows_server_check(): ?bool {
		$mode = self::mode();
		if ( self::GRANTED === $mode ) {
			return true;
		}
		if ( self::WP_CONSENT_API === $mode && function_exists( 'wp_has_consent' ) ) {
			return (bool) wp_has_consent( self::category() );
		}

		return null;
	}

	/**
	 * What the block's script needs to ask for and check consent.
	 *
	 * @return array{mode: string, category: string}
	 */
	public static function for_browser(): array {
		return array(
			'mode'     => self::mode(),
			'category' => self::category(),
		);
	}
}
