<?php
/**
 * Generated bad input against every gateway route.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway;

use Switchboard\Gateway\Route;
use Switchboard\Gateway\RouteRegistry;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\GatewayFixture;
use Switchboard\Tests\Support\SendsBadInput;
use Switchboard\Tests\Support\UsesFaultServer;
use Switchboard\Tests\TestCase;

/**
 * A null counts as "not sent" (WordPress's rule), so it is not among the bad values.
 *
 * At least 500 generated bad inputs per route (huge strings, NUL bytes, invalid UTF-8, wrong types,
 * out-of-range numbers, unknown parameters, path traversal, missing required arguments): every one is a
 * 400 with a stable code, none reaches the service, and none raises a PHP notice (TestCase fails on any).
 *
 * Path traversal is refused wherever it is invalid: in numbers, in parameter names, and with the NUL byte
 * that makes it an attack. `../x` as free text in a search box is a valid search, which the gateway sends
 * as an encoded query value, never as a path.
 */
final class BadInputTest extends TestCase {

	use SendsBadInput;
	use UsesFaultServer;

	/**
	 * Bad inputs per route, at least.
	 */
	private const PER_ROUTE = 500;

	/**
	 * Parameter names no route declares.
	 */
	private const UNKNOWN_NAMES = array( 'host', 'url', 'path', 'service', 'scheme', 'port', 'base_url', 'callback', '_jsonp', '_embed', '__proto__', 'constructor', 'Q', 'PAGE', '../../etc/passwd', '..%2f..%2fwp-config.php', '/etc/hosts', 'q ', "q\0", '%00', '<script>', 'redirect_to', 'X-Forwarded-For', 'authorization', 'upstream', 'method' );

	/**
	 * Points every service at the upstream and adds routes of every access level.
	 */
	protected function set_up(): void {
		parent::set_up();
		self::upstream()->reset();
		GatewayFixture::point_services_at( self::upstream()->url(), array( 'search', 'feed', 'payments' ) );
		GatewayFixture::add_routes(
			GatewayFixture::route( 'visitor-write', Route::ACCESS_VISITOR, 'POST' ),
			GatewayFixture::route( 'editor-read', Route::ACCESS_EDITOR ),
			GatewayFixture::route( 'admin-write', Route::ACCESS_ADMIN, 'PUT' )
		);
		$this->log_in_as( 'administrator' );
	}

	/**
	 * Every route refuses every generated bad input with a 400 and no upstream call.
	 */
	public function test_every_route_refuses_generated_bad_input(): void {
		$routes = ( new RouteRegistry( new ServiceRegistry() ) )->all();
		$this->assertGreaterThanOrEqual( 5, count( $routes ) );

		mt_srand( 20261123 );
		foreach ( $routes as $route ) {
			$cases = self::cases( $route );
			$this->assertGreaterThanOrEqual( array() === $route->args ? count( self::UNKNOWN_NAMES ) : self::PER_ROUTE, count( $cases ), $route->id );

			foreach ( $cases as $index => $params ) {
				$response = $this->send_params( $route->method, '/switchboard/v1' . $route->path, $params, 0 === $index % 2, true );
				$this->assert_refused( $response, $route->id . ' case ' . $index . ': ' . self::describe( $params ) );
			}
		}

		$this->assertSame( 0, self::upstream()->request_count(), 'No bad input reached a service.' );
	}

	/**
	 * Every other route of the namespace (settings, health, outbox, session, keys) refuses bad input the same
	 * way, for an administrator who may use them all, and changes nothing.
	 */
	public function test_every_other_endpoint_refuses_generated_bad_input(): void {
		$proxied   = array_map( static fn( Route $route ): string => '/switchboard/v1' . $route->path, ( new RouteRegistry( new ServiceRegistry() ) )->all() );
		$options   = get_option( ServiceRegistry::OPTION );
		$endpoints = 0;
		mt_srand( 20261124 );
		foreach ( rest_get_server()->get_routes( 'switchboard/v1' ) as $pattern => $handlers ) {
			if ( '/switchboard/v1' === $pattern || in_array( $pattern, $proxied, true ) || ! is_array( $handlers ) ) {
				continue;
			}
			$path = (string) preg_replace_callback(
				'#\(\?P<(\w+)>[^)]*\)#',
				static fn( array $match ): string => 'id' === $match[1] && str_contains( $pattern, 'outbox' ) ? '1' : 'search',
				$pattern
			);
			foreach ( $handlers as $handler ) {
				if ( ! is_array( $handler ) || true === ( $handler['switchboard_raw_body'] ?? false ) ) {
					continue; // The signed webhook reads raw bytes; WebhookControllerTest covers it.
				}
				$args   = is_array( $handler['args'] ?? null ) ? $handler['args'] : array();
				$method = (string) array_key_first( array_filter( (array) ( $handler['methods'] ?? array() ) ) );
				$cases  = self::endpoint_cases( $args, $path );
				$this->assertGreaterThanOrEqual( self::PER_ROUTE, count( $cases ), "{$method} {$pattern}" );
				foreach ( $cases as $index => $params ) {
					$response = $this->send_params( $method, $path, $params, 0 === $index % 2, true );
					$label    = "{$method} {$pattern} case {$index}: " . self::describe( $params );
					$this->assertSame( 400, $response->get_status(), $label );
				}
				++$endpoints;
			}
		}

		$this->assertGreaterThanOrEqual( 7, $endpoints );
		$this->assertSame( $options, get_option( ServiceRegistry::OPTION ), 'No bad input changed a setting.' );
		$this->assertSame( 0, self::upstream()->request_count(), 'No bad input reached a service.' );
	}

	/**
	 * Bad parameter sets for an endpoint's args: wrong types and bounds per argument, unknown names (also
	 * ones that repeat a path parameter), unclean text at any depth, missing required arguments.
	 *
	 * @param array<mixed> $args Endpoint args.
	 * @param string       $path Concrete path.
	 * @return list<array<string, mixed>>
	 */
	private static function endpoint_cases( array $args, string $path ): array {
		$valid = array();
		$bad   = array();
		foreach ( $args as $name => $arg ) {
			if ( ! is_string( $name ) || ! is_array( $arg ) || str_contains( $path, '/' . $name ) ) {
				continue;
			}
			if ( str_contains( $path, 'search/test' ) || str_contains( $path, 'outbox/1' ) ) {
				continue; // Path parameters: sent in the query they are refused below.
			}
			$type = $arg['type'] ?? null;
			if ( 'object' === $type ) {
				$valid[ $name ] = array();
				$bad[ $name ]   = array( 'x', 5, true, array( 'a' => 7 ), array( 'a' => array( 'b' => 1 ) ), array( "k\0" => 'v' ), array( 'k' => "\xC3\x28" ), array( 'k' => str_repeat( 'u', 5000 ) ) );
			} elseif ( isset( $arg['enum'] ) && is_array( $arg['enum'] ) ) {
				$valid[ $name ] = $arg['enum'][0];
				$bad[ $name ]   = array( 'not-one-of-them', '', array( 'x' ), 5, "\0", "\xFF" );
			} elseif ( 'integer' === $type || 'string' === $type ) {
				$valid[ $name ] = 'integer' === $type ? ( is_int( $arg['minimum'] ?? null ) ? $arg['minimum'] : 1 ) : 'ok';
				$bad[ $name ]   = self::bad_values( $arg );
			}
		}

		$cases = array();
		foreach ( $bad as $name => $values ) {
			foreach ( $values as $value ) {
				$cases[] = array_merge( $valid, array( $name => $value ) );
			}
		}
		$unknown = array_merge( self::UNKNOWN_NAMES, array( 'id' ) );
		foreach ( $unknown as $name ) {
			foreach ( array( '1', '../../../etc/passwd', array( 'a' => 'b' ), "\0" ) as $value ) {
				$cases[] = array_merge( $valid, array( $name => $value ) );
			}
		}
		foreach ( $args as $name => $arg ) {
			if ( is_array( $arg ) && ! empty( $arg['required'] ) && isset( $valid[ $name ] ) ) {
				$missing = $valid;
				unset( $missing[ $name ] );
				$cases[] = $missing;
			}
		}

		$names  = array_keys( $bad );
		$wanted = self::PER_ROUTE + 20;
		for ( $have = count( $cases ); $have < $wanted; $have++ ) {
			$params = $valid;
			if ( array() !== $names && 0 !== mt_rand( 0, 3 ) ) {
				$name            = $names[ mt_rand( 0, count( $names ) - 1 ) ];
				$params[ $name ] = $bad[ $name ][ mt_rand( 0, count( $bad[ $name ] ) - 1 ) ];
			} else {
				$params[ $unknown[ mt_rand( 0, count( $unknown ) - 1 ) ] ] = self::noise();
			}
			$cases[] = $params;
		}

		return $cases;
	}

	/**
	 * Bad parameter sets for a route: each bad value of each argument with the others valid, unknown
	 * names, missing required arguments, then random mixes until there are enough.
	 *
	 * @param Route $route Route.
	 * @return list<array<string, mixed>>
	 */
	private static function cases( Route $route ): array {
		$valid = self::valid_params( $route );
		$bad   = array();
		foreach ( $route->args as $name => $arg ) {
			$bad[ $name ] = self::bad_values( $arg );
		}

		$cases = array();
		foreach ( $bad as $name => $values ) {
			foreach ( $values as $value ) {
				$cases[] = array_merge( $valid, array( $name => $value ) );
			}
		}
		foreach ( self::UNKNOWN_NAMES as $unknown ) {
			foreach ( array( '1', '../../../etc/passwd', 'http://169.254.169.254/latest/meta-data/', array( 'a' => 'b' ) ) as $value ) {
				$cases[] = array_merge( $valid, array( $unknown => $value ) );
			}
		}
		foreach ( $route->args as $name => $arg ) {
			if ( ! empty( $arg['required'] ) ) {
				$missing = $valid;
				unset( $missing[ $name ] );
				$cases[] = $missing;
			}
		}

		$names  = array_keys( $bad );
		$wanted = self::PER_ROUTE + 50;
		// A route without arguments can only be sent unknown ones, which the cases above already are.
		for ( $have = count( $cases ); array() !== $names && $have < $wanted; $have++ ) {
			$params           = $valid;
			$first            = $names[ mt_rand( 0, count( $names ) - 1 ) ];
			$params[ $first ] = $bad[ $first ][ mt_rand( 0, count( $bad[ $first ] ) - 1 ) ];
			if ( 0 === mt_rand( 0, 2 ) ) {
				$params[ self::UNKNOWN_NAMES[ mt_rand( 0, count( self::UNKNOWN_NAMES ) - 1 ) ] ] = self::noise();
			}
			$cases[] = $params;
		}

		return $cases;
	}

	/**
	 * Values that break an argument's schema.
	 *
	 * @param array<mixed> $arg Argument schema.
	 * @return list<mixed>
	 */
	private static function bad_values( array $arg ): array {
		$common = array( array( 'x' ), array( 'a' => array( 'b' => 'c' ) ), "\0", "1\0", "../../etc/passwd\0", "\xC3\x28", "\xFF\xFE", "\xED\xA0\x80", "\xC0\xAF", "a\x01b", "a\x7Fb", "line\nbreak", "tab\there" );

		if ( 'integer' === $arg['type'] ) {
			$min = is_int( $arg['minimum'] ?? null ) ? $arg['minimum'] : PHP_INT_MIN;
			$max = is_int( $arg['maximum'] ?? null ) ? $arg['maximum'] : PHP_INT_MAX;
			return array_merge(
				$common,
				array( $min - 1, $max + 1, (string) ( $max + 1 ), PHP_INT_MAX, '99999999999999999999999', '-99999999999999999999', 1.5, '1.5', (string) ( $max + 1 ) . '.0', '1e999', '12abc', 'abc', '', ' ', 'NaN', 'INF', '-INF', true, false, '../../etc/passwd', '..%2F..%2F', '%2e%2e%2f', '/etc/passwd', '1 OR 1=1', '1;DROP TABLE wp_posts', '<script>alert(1)</script>', str_repeat( '9', 5000 ) )
			);
		}

		$max_length = is_int( $arg['maxLength'] ?? null ) ? $arg['maxLength'] : 200;
		$strings    = array( str_repeat( 'a', $max_length + 1 ), str_repeat( 'é', $max_length + 1 ), str_repeat( 'x', 10000 ), str_repeat( 'y', 1048576 ), 12345, 1.5, true, false, "q\0../../etc/passwd", "\xF0\x28\x8C\x28", "\xE2\x82", "valid\xC3" );
		if ( isset( $arg['pattern'] ) || isset( $arg['minLength'] ) ) {
			$strings = array_merge( $strings, array( '', ' ', '   ' ) );
		}

		return array_merge( $common, $strings );
	}

	/**
	 * A valid value for every argument.
	 *
	 * @param Route $route Route.
	 * @return array<string, mixed>
	 */
	private static function valid_params( Route $route ): array {
		$params = array();
		foreach ( $route->args as $name => $arg ) {
			$params[ $name ] = 'integer' === $arg['type'] ? ( is_int( $arg['minimum'] ?? null ) ? $arg['minimum'] : 1 ) : 'ok';
		}

		return $params;
	}

	/**
	 * A random value for an unknown parameter.
	 *
	 * @return mixed
	 */
	private static function noise(): mixed {
		$values = array( '1', '', str_repeat( 'z', 3000 ), array( '1' ), "\0", 'file:///etc/passwd', '//evil.example/' );

		return $values[ mt_rand( 0, count( $values ) - 1 ) ];
	}

	/**
	 * A short, printable description of a case for failure messages.
	 *
	 * @param array<string, mixed> $params Parameters.
	 * @return string
	 */
	private static function describe( array $params ): string {
		return substr( (string) wp_json_encode( $params, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR ), 0, 300 );
	}
}
