<?php
/**
 * The payment service's public configuration, as pages need it.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use WP_REST_Request;

/**
 * Asks `GET switchboard/v1/payments/config` in-process (`rest_do_request()`), so a page gets what the gateway
 * gives the browser, with its cache (a request a day, in effect), circuit breaker and stale answers.
 * Everything here is public by Stripe's design: the mode, the publishable key, and, with the offline stand-in,
 * where its Stripe.js lives.
 */
final class PaymentConfig {

	/**
	 * The route.
	 */
	public const ROUTE = '/switchboard/v1/payments/config';

	/**
	 * The configuration of this request, once asked.
	 *
	 * @var array{mode: 'test'|'live', publishable_key: string, stripe_js_url: string|null}|false|null
	 */
	private static array|false|null $current = null;

	/**
	 * The configuration, or null when the payment service is not configured or cannot be reached.
	 *
	 * @return array{mode: 'test'|'live', publishable_key: string, stripe_js_url: string|null}|null
	 */
	public static function current(): ?array {
		if ( null === self::$current ) {
			self::$current = self::ask() ?? false;
		}

		return false === self::$current ? null : self::$current;
	}

	/**
	 * Forgets the configuration of this request (tests, and after settings change).
	 */
	public static function forget(): void {
		self::$current = null;
	}

	/**
	 * Asks the gateway route.
	 *
	 * @return array{mode: 'test'|'live', publishable_key: string, stripe_js_url: string|null}|null
	 */
	private static function ask(): ?array {
		$response = rest_do_request( new WP_REST_Request( 'GET', self::ROUTE ) );
		$data     = $response->get_data();
		if ( 200 !== $response->get_status() || ! is_array( $data ) ) {
			return null;
		}

		$mode = $data['mode'] ?? null;
		$key  = $data['publishableKey'] ?? null;
		if ( ! in_array( $mode, array( 'test', 'live' ), true ) || ! is_string( $key ) || ! str_starts_with( $key, 'pk_' . $mode . '_' ) ) {
			return null;
		}

		return array(
			'mode'            => $mode,
			'publishable_key' => $key,
			'stripe_js_url'   => self::script_url( $data['stripeJsUrl'] ?? null ),
		);
	}

	/**
	 * The stand-in's Stripe.js URL, if it is a plain http(s) URL (pages load it as a script).
	 *
	 * @param mixed $url Value from the service.
	 * @return string|null
	 */
	private static function script_url( mixed $url ): ?string {
		if ( ! is_string( $url ) || '' === $url ) {
			return null;
		}
		$scheme = wp_parse_url( $url, PHP_URL_SCHEME );

		return in_array( $scheme, array( 'http', 'https' ), true ) && esc_url_raw( $url ) === $url ? $url : null;
	}
}
