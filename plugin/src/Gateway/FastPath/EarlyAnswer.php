<?php
/**
 * Answers repeated public gateway reads as soon as plugins are loaded.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\FastPath;

use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Gateway\Cache\CacheStore;
use Switchboard\Gateway\Metrics\MetricsRecorder;
use Switchboard\Module;

/**
 * On `plugins_loaded`, before the theme, `init` (block and post type registration) and the REST server's
 * hundred routes, lets FastPath answer a request WordPress has already validated and answered, from the
 * gateway's cache (transients or the object cache). Nothing else changes: any other request goes on.
 *
 * Sites that want every gateway request to go through all of WordPress (for a plugin that inspects REST
 * requests on `init`, say) turn it off with the `switchboard_early_answer` filter or by defining
 * `SWITCHBOARD_EARLY_ANSWER` as false.
 */
final class EarlyAnswer implements Module {

	/**
	 * Stores the collaborators.
	 *
	 * @param CacheStore      $store   Where the gateway keeps its cache and memos.
	 * @param MetricsRecorder $metrics Receives one sample per answered request.
	 */
	public function __construct(
		private readonly CacheStore $store,
		private readonly MetricsRecorder $metrics
	) {
	}

	/**
	 * Answers, if it can, as soon as every plugin is loaded.
	 */
	public function register_hooks(): void {
		add_action( 'plugins_loaded', array( $this, 'maybe_answer' ), 0 );
	}

	/**
	 * Sends the answer and ends the request when FastPath can answer it.
	 */
	public function maybe_answer(): void {
		$uri = isset( $_SERVER['REQUEST_URI'] ) && is_string( $_SERVER['REQUEST_URI'] ) ? $_SERVER['REQUEST_URI'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only searched for a fixed string; FastPathRequest validates it.
		if ( ! str_contains( $uri, '/wp-json/switchboard/v1/' ) || ! self::enabled() ) {
			return;
		}

		$fast_path = new FastPath( $this->store, CacheKey::version( ... ), $this->metrics, 'early' );
		if ( $fast_path->serve( $_SERVER ) ) {
			exit;
		}
	}

	/**
	 * Whether the site allows answering before `init`.
	 *
	 * @return bool
	 */
	private static function enabled(): bool {
		$enabled = ! defined( 'SWITCHBOARD_EARLY_ANSWER' ) || false !== constant( 'SWITCHBOARD_EARLY_ANSWER' );

		/**
		 * Filters whether repeated public gateway reads are answered on `plugins_loaded`.
		 *
		 * @param bool $enabled Default true, or the `SWITCHBOARD_EARLY_ANSWER` constant.
		 */
		return (bool) apply_filters( 'switchboard_early_answer', $enabled );
	}
}
