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
use Switchboard\Gateway\NamespaceGuard;
use Switchboard\Gateway\ProxyController;
use Switchboard\Gateway\RequestArguments;
use Switchboard\Module;
use WP_REST_Request;

/**
 * On `plugins_loaded`, before the theme, `init` (block and post type registration) and the REST server's
 * hundred routes, answers anonymous reads of public gateway routes:
 *
 * 1. FastPath answers a request WordPress has already validated and answered, from the gateway's cache
 *    (transients or the object cache), without validating it again (`desc="early"`).
 * 2. Otherwise the request is validated and sanitized exactly as the REST server would (WP_REST_Request
 *    with the route's args, then NamespaceGuard's rules) and the proxy answers it: from the cache or the
 *    service (`desc="early dispatch"`). Only plain successes are sent from here: an invalid request, a
 *    refused rate limit or a failed service goes on to WordPress, which answers as always (the proxy
 *    remembers what it already did, so no token is taken and no service called twice). Until WordPress has
 *    answered a route once, the route's own headers are unknown and nothing about it is answered early.
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
	 * @param ProxyController $proxy   The proxy the REST routes use (it carries state over to them).
	 */
	public function __construct(
		private readonly CacheStore $store,
		private readonly MetricsRecorder $metrics,
		private readonly ProxyController $proxy
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

		// Answering before `init` is this stage's purpose, so the plugin's translations load here, on
		// purpose: WordPress's notice about translations loaded too early is for plugins that do it by accident.
		$early_translations = static function ( $trigger, $function_name, $message ) {
			return '_load_textdomain_just_in_time' === $function_name && is_string( $message ) && str_contains( $message, '<code>switchboard</code>' ) ? false : $trigger;
		};
		add_filter( 'doing_it_wrong_trigger_error', $early_translations, 10, 3 );
		if ( $this->dispatch() ) {
			exit; // The filter stays for the shutdown work (metrics, a stale entry's refresh), still before `init`.
		}
		remove_filter( 'doing_it_wrong_trigger_error', $early_translations, 10 );
	}

	/**
	 * Validates the request as the REST server would and sends the proxy's answer, if it is a success.
	 *
	 * @return bool Whether an answer was sent.
	 */
	private function dispatch(): bool {
		$eligible = FastPathRequest::from_server( $_SERVER );
		$route    = null === $eligible ? null : $this->proxy->public_read( $eligible->route_path );
		if ( null === $route || ! ProxyController::is_early_eligible( $route ) ) {
			return false;
		}
		$route_headers = RouteHeaders::find( $this->store, $route->id );
		if ( null === $route_headers ) {
			return false;
		}

		$args    = RequestArguments::for_registration( $route );
		$request = new WP_REST_Request( 'GET', ProxyController::NAMESPACE_PATH . $route->path );
		// Before wp_magic_quotes() (which runs after plugins_loaded), $_GET is still unslashed.
		$request->set_query_params( $_GET ); // phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public read, validated below exactly as the REST server validates it.
		$request->set_attributes( array( 'args' => $args ) );
		$defaults = array();
		foreach ( $args as $name => $arg ) {
			if ( array_key_exists( 'default', $arg ) ) {
				$defaults[ $name ] = $arg['default'];
			}
		}
		$request->set_default_params( $defaults );
		if ( true !== $request->has_valid_params() || true !== $request->sanitize_params() ) {
			return false;
		}
		if ( null !== NamespaceGuard::violation( array( 'args' => $args ), $request ) ) {
			return false;
		}

		$response = $this->proxy->answer_early( $request, $route );
		if ( null === $response ) {
			return false;
		}

		$headers = $route_headers;
		foreach ( $response->get_headers() as $name => $value ) {
			$headers[ (string) $name ] = is_scalar( $value ) ? (string) $value : '';
		}
		http_response_code( $response->get_status() );
		foreach ( $headers as $name => $value ) {
			header( $name . ': ' . $value );
		}
		echo wp_json_encode( $response->get_data() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the allow-listed JSON answer, sent as application/json like the REST server sends it.
		$this->proxy->remember_early( $headers );

		return true;
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
