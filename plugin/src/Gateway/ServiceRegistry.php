<?php
/**
 * The services the gateway knows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

/**
 * Declares every service once and resolves where each one lives.
 *
 * A base URL comes from the constant `SWITCHBOARD_<ID>_URL`, else the environment variable of the same name,
 * else the `switchboard_service_urls` option. The first source that is set decides: an invalid constant
 * leaves the service unconfigured rather than silently falling back to a different host.
 */
final class ServiceRegistry {

	/**
	 * Option holding URLs entered on the settings screen, keyed by service id.
	 */
	public const OPTION = 'switchboard_service_urls';

	/**
	 * Filter that adds or changes service declarations.
	 */
	public const FILTER = 'switchboard_services';

	/**
	 * The URL came from a PHP constant.
	 */
	public const SOURCE_CONSTANT = 'constant';

	/**
	 * The URL came from an environment variable.
	 */
	public const SOURCE_ENV = 'env';

	/**
	 * The URL came from the settings option.
	 */
	public const SOURCE_SETTING = 'setting';

	/**
	 * No URL is set.
	 */
	public const SOURCE_NONE = 'none';

	/**
	 * The built-in declarations.
	 *
	 * @return list<array{id: string, label: string, connect_timeout?: float, timeout?: float, max_response_bytes?: int, subscribes_to_events?: bool}>
	 */
	public static function declarations(): array {
		return array(
			array(
				'id'                   => 'search',
				'label'                => 'Search',
				'subscribes_to_events' => true,
			),
			array(
				'id'                   => 'feed',
				'label'                => 'Feed',
				'subscribes_to_events' => true,
			),
			array(
				'id'      => 'payments',
				'label'   => 'Payments',
				'timeout' => 3.0,
			),
		);
	}

	/**
	 * Every declared service, keyed by id, in declaration order.
	 *
	 * Declarations returned by the `switchboard_services` filter that are not well-formed are dropped, as are
	 * repeated ids (the first wins).
	 *
	 * @return array<string, Service>
	 */
	public function all(): array {
		/**
		 * Filters the service declarations.
		 *
		 * @param list<array<string, mixed>> $declarations Each with `id` and `label`, optionally
		 *                                                 `connect_timeout`, `timeout` (seconds),
		 *                                                 `max_response_bytes` and `subscribes_to_events`.
		 */
		$declarations = apply_filters( 'switchboard_services', self::declarations() );
		if ( ! is_array( $declarations ) ) {
			$declarations = self::declarations();
		}

		$services = array();
		foreach ( $declarations as $declaration ) {
			$service = is_array( $declaration ) ? $this->build( $declaration ) : null;
			if ( null !== $service && ! isset( $services[ $service->id ] ) ) {
				$services[ $service->id ] = $service;
			}
		}

		return $services;
	}

	/**
	 * One service by id, or null when none is declared.
	 *
	 * @param string $id Service id.
	 * @return Service|null
	 */
	public function get( string $id ): ?Service {
		return $this->all()[ $id ] ?? null;
	}

	/**
	 * Resolves a service's base URL and where it came from.
	 *
	 * @param string $id Service id.
	 * @return array{url: string, source: string} `url` is '' when unset or invalid.
	 */
	public function resolve_url( string $id ): array {
		$name = Service::url_variable( $id );

		if ( defined( $name ) ) {
			$value = constant( $name );
			return array(
				'url'    => is_string( $value ) ? self::validate_url( $value ) : '',
				'source' => self::SOURCE_CONSTANT,
			);
		}

		$env = getenv( $name );
		if ( is_string( $env ) && '' !== trim( $env ) ) {
			return array(
				'url'    => self::validate_url( $env ),
				'source' => self::SOURCE_ENV,
			);
		}

		$urls = get_option( self::OPTION, array() );
		if ( is_array( $urls ) && isset( $urls[ $id ] ) && is_string( $urls[ $id ] ) && '' !== trim( $urls[ $id ] ) ) {
			return array(
				'url'    => self::validate_url( $urls[ $id ] ),
				'source' => self::SOURCE_SETTING,
			);
		}

		return array(
			'url'    => '',
			'source' => self::SOURCE_NONE,
		);
	}

	/**
	 * Normalizes a base URL, or returns '' when it is not acceptable.
	 *
	 * Accepted: http or https, a host, an optional port and path; no user name or password, no query, no
	 * fragment, no whitespace or control characters. The trailing slash is removed.
	 *
	 * @param string $url Candidate URL.
	 * @return string
	 */
	public static function validate_url( string $url ): string {
		$url = trim( $url );
		if ( '' === $url || strlen( $url ) > 2048 || 1 === preg_match( '/[\s\x00-\x1f\x7f\\\\]/', $url ) ) {
			return '';
		}

		$parts = wp_parse_url( $url );
		if ( ! is_array( $parts ) || ! isset( $parts['scheme'], $parts['host'] ) ) {
			return '';
		}
		if ( ! in_array( strtolower( $parts['scheme'] ), array( 'http', 'https' ), true ) ) {
			return '';
		}
		if ( isset( $parts['user'] ) || isset( $parts['pass'] ) || isset( $parts['query'] ) || isset( $parts['fragment'] ) ) {
			return '';
		}
		if ( str_contains( $url, '@' ) || str_contains( $url, '?' ) || str_contains( $url, '#' ) ) {
			return '';
		}
		if ( 1 !== preg_match( '/^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$|^\[[0-9a-f:.]+\]$/i', $parts['host'] ) ) {
			return '';
		}

		$path = $parts['path'] ?? '';
		if ( '' !== $path && ! ServiceClient::is_safe_path( $path ) ) {
			return '';
		}

		return strtolower( $parts['scheme'] ) . '://' . strtolower( $parts['host'] )
			. ( isset( $parts['port'] ) ? ':' . $parts['port'] : '' )
			. rtrim( $path, '/' );
	}

	/**
	 * Builds a service from a declaration, or null when the declaration is malformed.
	 *
	 * @param array<mixed> $declaration Declaration.
	 * @return Service|null
	 */
	private function build( array $declaration ): ?Service {
		$id    = $declaration['id'] ?? null;
		$label = $declaration['label'] ?? null;
		if ( ! is_string( $id ) || 1 !== preg_match( Service::ID_PATTERN, $id ) || ! is_string( $label ) || '' === trim( $label ) ) {
			return null;
		}

		$connect_timeout = $declaration['connect_timeout'] ?? Service::DEFAULT_CONNECT_TIMEOUT;
		$timeout         = $declaration['timeout'] ?? Service::DEFAULT_TIMEOUT;
		$max_bytes       = $declaration['max_response_bytes'] ?? Service::DEFAULT_MAX_RESPONSE_BYTES;
		$subscribes      = $declaration['subscribes_to_events'] ?? false;
		if ( ! is_int( $connect_timeout ) && ! is_float( $connect_timeout ) ) {
			return null;
		}
		if ( ! is_int( $timeout ) && ! is_float( $timeout ) ) {
			return null;
		}
		if ( ! is_int( $max_bytes ) || ! is_bool( $subscribes ) ) {
			return null;
		}

		$resolved = $this->resolve_url( $id );

		return new Service(
			$id,
			sanitize_text_field( $label ),
			$resolved['url'],
			$resolved['source'],
			(float) $connect_timeout,
			(float) $timeout,
			$max_bytes,
			$subscribes
		);
	}
}
