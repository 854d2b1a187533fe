<?php
/**
 * Real HTTP requests from tests, one at a time or many at once.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use RuntimeException;

/**
 * A small cURL client for tests that drive a running site from outside, as browsers and load do.
 *
 * Responses are `array{status: int, headers: array<string, string>, body: string, seconds: float}` with
 * lower-case header names; a request that fails at the transport level has status 0.
 */
final class HttpClient {

	/**
	 * Response headers of the requests in flight, by handle id.
	 *
	 * @var array<int, array<string, string>>
	 */
	private static array $headers = array();

	/**
	 * Sends one request.
	 *
	 * @param string                $url     URL.
	 * @param array<string, string> $headers Request headers.
	 * @param string                $method  Method.
	 * @param string|null           $body    Body.
	 * @param string|null           $cookies Cookie jar file, read and written.
	 * @return array{status: int, headers: array<string, string>, body: string, seconds: float}
	 * @phpstan-impure
	 */
	public static function request( string $url, array $headers = array(), string $method = 'GET', ?string $body = null, ?string $cookies = null ): array {
		return self::burst( array( self::spec( $url, $headers, $method, $body, $cookies ) ) )[0];
	}

	/**
	 * A request for burst().
	 *
	 * @param string                $url     URL.
	 * @param array<string, string> $headers Request headers.
	 * @param string                $method  Method.
	 * @param string|null           $body    Body.
	 * @param string|null           $cookies Cookie jar file.
	 * @return array{url: string, headers: array<string, string>, method: string, body: string|null, cookies: string|null}
	 */
	public static function spec( string $url, array $headers = array(), string $method = 'GET', ?string $body = null, ?string $cookies = null ): array {
		return array(
			'url'     => $url,
			'headers' => $headers,
			'method'  => $method,
			'body'    => $body,
			'cookies' => $cookies,
		);
	}

	/**
	 * Sends many requests at once, or one every `$pace` seconds (an open-loop load that does not wait for
	 * answers), and returns the responses in the order of the requests.
	 *
	 * @param list<array{url: string, headers: array<string, string>, method: string, body: string|null, cookies: string|null}> $specs Requests.
	 * @param float                                                                                                             $pace  Seconds between two starts; 0 starts all at once.
	 * @param float                                                                                                             $timeout Seconds each request may take.
	 * @return list<array{status: int, headers: array<string, string>, body: string, seconds: float}>
	 * @throws RuntimeException When cURL cannot be set up.
	 * @phpstan-impure
	 */
	public static function burst( array $specs, float $pace = 0.0, float $timeout = 60.0 ): array {
		$multi   = curl_multi_init();
		$state   = array();
		$results = array();
		$start   = microtime( true );
		$next    = 0;
		$count   = count( $specs );
		$done    = 0;

		while ( $done < $count ) {
			while ( $next < $count && ( $pace <= 0.0 || microtime( true ) >= $start + $next * $pace ) ) {
				$handle                            = self::handle( $specs[ $next ], $timeout );
				$state[ spl_object_id( $handle ) ] = array(
					'index'   => $next,
					'started' => microtime( true ),
				);
				curl_multi_add_handle( $multi, $handle );
				++$next;
			}

			curl_multi_exec( $multi, $running );
			curl_multi_select( $multi, $pace > 0.0 ? min( 0.005, $pace ) : 0.05 );
			$info = curl_multi_info_read( $multi );
			while ( false !== $info ) {
				$handle = $info['handle'];
				if ( ! $handle instanceof \CurlHandle ) {
					throw new RuntimeException( 'cURL returned something other than a handle.' );
				}
				$entry = $state[ spl_object_id( $handle ) ];

				$results[ $entry['index'] ] = array(
					'status'  => (int) curl_getinfo( $handle, CURLINFO_RESPONSE_CODE ),
					'headers' => self::$headers[ spl_object_id( $handle ) ] ?? array(),
					'body'    => (string) curl_multi_getcontent( $handle ),
					'seconds' => microtime( true ) - $entry['started'],
				);
				unset( self::$headers[ spl_object_id( $handle ) ] );
				curl_multi_remove_handle( $multi, $handle );
				curl_close( $handle );
				++$done;
				$info = curl_multi_info_read( $multi );
			}
		}
		curl_multi_close( $multi );

		$ordered = array();
		for ( $i = 0; $i < $count; $i++ ) {
			$ordered[] = $results[ $i ];
		}

		return $ordered;
	}

	/**
	 * Builds a cURL handle for a request; its response headers are collected in self::$headers.
	 *
	 * @param array{url: string, headers: array<string, string>, method: string, body: string|null, cookies: string|null} $spec    Request.
	 * @param float                                                                                                       $timeout Seconds.
	 * @return \CurlHandle
	 * @throws RuntimeException When cURL cannot be set up.
	 */
	private static function handle( array $spec, float $timeout ): \CurlHandle {
		$handle = curl_init();
		if ( false === $handle ) {
			throw new RuntimeException( 'cURL could not be initialised.' );
		}
		$id                   = spl_object_id( $handle );
		self::$headers[ $id ] = array();
		$lines                = array();
		foreach ( $spec['headers'] as $name => $value ) {
			$lines[] = $name . ': ' . $value;
		}
		$url    = $spec['url'];
		$method = $spec['method'];
		if ( '' === $url || '' === $method ) {
			throw new RuntimeException( 'A request needs a URL and a method.' );
		}
		$options = array(
			CURLOPT_URL            => $url,
			CURLOPT_RETURNTRANSFER => true,
			CURLOPT_CUSTOMREQUEST  => $method,
			CURLOPT_HTTPHEADER     => $lines,
			CURLOPT_TIMEOUT_MS     => (int) ( $timeout * 1000 ),
			CURLOPT_FOLLOWLOCATION => false,
			CURLOPT_HEADERFUNCTION => static function ( $curl, string $line ) use ( $id ): int {
				$parts = explode( ':', $line, 2 );
				if ( 2 === count( $parts ) ) {
					self::$headers[ $id ][ strtolower( trim( $parts[0] ) ) ] = trim( $parts[1] );
				}
				return strlen( $line );
			},
		);
		if ( null !== $spec['body'] ) {
			$options[ CURLOPT_POSTFIELDS ] = $spec['body'];
		}
		if ( null !== $spec['cookies'] && '' !== $spec['cookies'] ) {
			$options[ CURLOPT_COOKIEFILE ] = $spec['cookies'];
			$options[ CURLOPT_COOKIEJAR ]  = $spec['cookies'];
		}
		curl_setopt_array( $handle, $options );

		return $handle;
	}
}
