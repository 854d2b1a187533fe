<?php
/**
 * Generated bad input, at every depth, against the feed's routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Tests\Support\SendsBadInput;

/**
 * BadInputTest sends every gateway route flat bad values; the feed's bodies are nested (slots, events, a
 * profile), so this test starts from a valid request per route and breaks it at each depth: every leaf
 * with each bad value of its kind, unknown keys in every object, lists too long or empty, then random
 * mixes, at least 500 per route. Every case is a 400 with a stable code and none reaches the service.
 *
 * WordPress reads a scalar sent for a list as a comma-separated list (`"4,5"`, `4`), so those are valid
 * lists here too, and not among the bad values.
 */
final class FeedBadInputTest extends FeedTestCase {

	use SendsBadInput;

	/**
	 * Cases per route, at least.
	 */
	private const PER_ROUTE = 500;

	/**
	 * Bad values per kind of value.
	 *
	 * @return array<string, list<mixed>>
	 */
	private static function bad_values(): array {
		$common = array( array( 'a' => array( 'b' => 'c' ) ), "\0", "1\0", "\xC3\x28", "a\x01b", 'line' . "\n" . 'break', '../../etc/passwd', str_repeat( 'z', 5000 ) );
		$number = array_merge( $common, array( 1.5, '1.5', 'abc', '', true, false, '1e999', '12abc', array( 1 ), PHP_INT_MAX . '0' ) );
		$list   = array_merge( $common, array( array( 'x' ), array( 0 ), array( -1 ), array( 1.5 ), array( array( 1 ) ), array( 'a' => 1 ), range( 1, 51 ), array( "1\0" ), 'x' ) );

		return array(
			'id'        => array_merge( $number, array( 0, -1 ) ),
			'count'     => array_merge( $number, array( 0, 13, -1 ) ),
			'position'  => array_merge( $number, array( -1, 256 ) ),
			'weight'    => array_merge( $number, array( -1, 1001 ) ),
			'id_list'   => $list,
			'visitor'   => array_merge( $common, array( '', 'short', str_repeat( 'a', 21 ), str_repeat( 'a', 23 ), str_repeat( 'a', 21 ) . '/', str_repeat( 'é', 22 ), str_repeat( 'a', 21 ) . '=', 12345, true, array( 'AbCdEfGhIjKlMnOpQr_-12' ) ) ),
			'event'     => array_merge( $common, array( '', 'VIEW', 'view ', 'purchase', 1, true, array( 'view' ) ) ),
			'feed'      => array_merge( $common, array( '', 'f_' . str_repeat( 'x', 63 ), 'f/1', 'f 1', 7, true ) ),
			'slots'     => array_merge( $common, array( array(), array_fill( 0, 7, array( 'count' => 1 ) ), array( 'x' ), array( array() ), 'x', 5, true ) ),
			'slot'      => array_merge( $common, array( 'x', 5, true, array(), array( 'count' => 1, 'host' => 'evil.example' ), array( 'category' => array( 1 ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a value per case.
			'events'    => array_merge( $common, array( array(), array_fill( 0, 51, array( 'type' => 'view', 'post' => 1 ) ), array( 'x' ), 'x', 5, true ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a value per case.
			'event_obj' => array_merge( $common, array( 'x', 5, true, array(), array( 'type' => 'view' ), array( 'type' => 'view', 'post' => 1, 'user' => 2 ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a value per case.
			'profile'   => array_merge( $common, array( 'x', 5, true, array( 'interests' => array() ), array( 'category' => 'x' ) ) ),
			'weights'   => array_merge( $common, array( 'x', 5, true, array( 'news' => 1 ), array( '0' => 1 ), array( '4' => 'x' ), array( '4' => -1 ), array( '4' => 1001 ), array_fill_keys( range( 1, 51 ), 1 ), array( array( 1 ) ) ) ),
			'per_page'  => array_merge( $number, array( 0, 25 ) ),
			'id_query'  => array_merge( $common, array( '', 'x', '1,,2', ',1', '1,', '0', '-1', '1 2', '1, 2', implode( ',', range( 1, 51 ) ), '1,a', 12345.5, array( '1' ) ) ),
			'order'     => array_merge( $common, array( '', 'POPULAR', 'random', 1, array( 'recent' ) ) ),
		);
	}

	/**
	 * Per route: method, path, a valid request, and the kind of value at each path of keys in it.
	 *
	 * @return array<string, array{method: string, path: string, valid: array<string, mixed>, paths: list<array{0: list<int|string>, 1: string}>}>
	 */
	private static function routes(): array {
		$slot_paths = array(
			array( array( 'context' ), 'id' ),
			array( array( 'exclude' ), 'id_list' ),
			array( array( 'exclude', 0 ), 'id' ),
			array( array( 'slots' ), 'slots' ),
			array( array( 'slots', 0 ), 'slot' ),
			array( array( 'slots', 0, 'count' ), 'count' ),
			array( array( 'slots', 1, 'count' ), 'count' ),
			array( array( 'slots', 0, 'category' ), 'id_list' ),
			array( array( 'slots', 0, 'exclude_category' ), 'id_list' ),
			array( array( 'slots', 0, 'tag' ), 'id_list' ),
			array( array( 'slots', 0, 'exclude_tag' ), 'id_list' ),
			array( array( 'slots', 0, 'pinned' ), 'id_list' ),
			array( array( 'slots', 0, 'pinned', 0 ), 'id' ),
			array( array( 'slots', 1, 'category', 0 ), 'id' ),
		);
		$slots      = array(
			'context' => 3,
			'exclude' => array( 4 ),
			'slots'   => array(
				array(
					'count'            => 2,
					'category'         => array( 1 ),
					'exclude_category' => array(),
					'tag'              => array(),
					'exclude_tag'      => array(),
					'pinned'           => array( 5 ),
				),
				array(
					'count'    => 1,
					'category' => array( 2 ),
				),
			),
		);

		return array(
			'personal' => array(
				'method' => 'POST',
				'path'   => '/feed/personal',
				'valid'  => array( 'visitor' => self::VISITOR ) + $slots,
				'paths'  => array_merge( array( array( array( 'visitor' ), 'visitor' ) ), $slot_paths ),
			),
			'preview'  => array(
				'method' => 'POST',
				'path'   => '/feed/preview',
				'valid'  => array(
					'profile' => array(
						'category' => array( '4' => 3 ),
						'tag'      => array( '7' => 1 ),
						'author'   => array(),
					),
				) + $slots,
				'paths'  => array_merge(
					array(
						array( array( 'profile' ), 'profile' ),
						array( array( 'profile', 'category' ), 'weights' ),
						array( array( 'profile', 'tag' ), 'weights' ),
						array( array( 'profile', 'author' ), 'weights' ),
						array( array( 'profile', 'category', '4' ), 'weight' ),
					),
					$slot_paths
				),
			),
			'events'   => array(
				'method' => 'POST',
				'path'   => '/feed/events',
				'valid'  => array(
					'visitor' => self::VISITOR,
					'events'  => array(
						array(
							'type'     => 'click',
							'post'     => 4,
							'feed'     => 'f_abc',
							'position' => 2,
						),
						array(
							'type' => 'view',
							'post' => 5,
						),
					),
				),
				'paths'  => array(
					array( array( 'visitor' ), 'visitor' ),
					array( array( 'events' ), 'events' ),
					array( array( 'events', 0 ), 'event_obj' ),
					array( array( 'events', 0, 'type' ), 'event' ),
					array( array( 'events', 1, 'type' ), 'event' ),
					array( array( 'events', 0, 'post' ), 'id' ),
					array( array( 'events', 0, 'feed' ), 'feed' ),
					array( array( 'events', 0, 'position' ), 'position' ),
				),
			),
			'forget'   => array(
				'method' => 'POST',
				'path'   => '/feed/forget',
				'valid'  => array( 'visitor' => self::VISITOR ),
				'paths'  => array( array( array( 'visitor' ), 'visitor' ) ),
			),
			'items'    => array(
				'method' => 'GET',
				'path'   => '/feed',
				'valid'  => array(
					'per_page'         => 6,
					'category'         => '1,2',
					'exclude_category' => '3',
					'tag'              => '4',
					'exclude_tag'      => '5',
					'exclude'          => '6,7',
					'order'            => 'recent',
				),
				'paths'  => array(
					array( array( 'per_page' ), 'per_page' ),
					array( array( 'category' ), 'id_query' ),
					array( array( 'exclude_category' ), 'id_query' ),
					array( array( 'tag' ), 'id_query' ),
					array( array( 'exclude_tag' ), 'id_query' ),
					array( array( 'exclude' ), 'id_query' ),
					array( array( 'order' ), 'order' ),
				),
			),
		);
	}

	/**
	 * Every generated case is a 400 with a stable code; only the valid requests reach the service.
	 */
	public function test_generated_bad_input_is_refused_at_every_depth(): void {
		$this->log_in_as( 'editor' );
		self::service_fails();
		mt_srand( 20261123 );

		$valid_calls = 0;
		foreach ( self::routes() as $name => $route ) {
			$baseline = $this->send_params( $route['method'], '/switchboard/v1' . $route['path'], $route['valid'], true );
			$this->assertNotSame( 400, $baseline->get_status(), $name . ' baseline: ' . wp_json_encode( $baseline->get_data() ) );
			++$valid_calls;

			$cases = self::cases( $route['valid'], $route['paths'] );
			$this->assertGreaterThanOrEqual( self::PER_ROUTE, count( $cases ), $name );
			foreach ( $cases as $index => $params ) {
				$response = $this->send_params( $route['method'], '/switchboard/v1' . $route['path'], $params, 0 === $index % 3 || 'GET' === $route['method'] );
				$label    = $name . ' case ' . $index . ': ' . substr( (string) wp_json_encode( $params, JSON_INVALID_UTF8_SUBSTITUTE | JSON_PARTIAL_OUTPUT_ON_ERROR ), 0, 300 );
				$this->assert_refused( $response, $label );
			}
		}

		// The GET baseline may be served by a service attempt and its retries; the writes are called once each.
		$uris = array_column( self::upstream()->requests(), 'uri' );
		$this->assertSame( array( '/v1/feed/personal', '/v1/feed/preview', '/v1/signals', '/v1/profiles/forget' ), array_values( array_unique( array_filter( $uris, static fn( string $uri ): bool => ! str_starts_with( $uri, '/v1/feed?' ) ) ) ) );
		$this->assertCount( 4, array_filter( $uris, static fn( string $uri ): bool => ! str_starts_with( $uri, '/v1/feed?' ) ) );
		$this->assertSame( 5, $valid_calls );
	}

	/**
	 * The cases of a route: each bad value at each path, an unknown key in each object, then random mixes.
	 *
	 * @param array<string, mixed>                        $valid Valid request.
	 * @param list<array{0: list<int|string>, 1: string}> $paths Paths and their kinds.
	 * @return list<array<mixed>>
	 */
	private static function cases( array $valid, array $paths ): array {
		$bad   = self::bad_values();
		$cases = array();
		foreach ( $paths as $entry ) {
			foreach ( $bad[ $entry[1] ] as $value ) {
				$cases[] = self::with( $valid, $entry[0], $value );
			}
		}
		// An unknown key at the top and in every object of the request.
		foreach ( array_merge( array( array() ), array_column( $paths, 0 ) ) as $path ) {
			$node = self::get( $valid, $path );
			if ( is_array( $node ) && ! array_is_list( $node ) || array() === $path ) {
				foreach ( array( 'host', 'url', '__proto__', 'user_id', 'sub' ) as $unknown ) {
					$cases[] = self::with( $valid, array_merge( $path, array( $unknown ) ), '1' );
				}
			}
		}

		for ( $have = count( $cases ); $have < self::PER_ROUTE + 20; $have++ ) {
			$params = $valid;
			$breaks = mt_rand( 1, 3 );
			for ( $i = 0; $i < $breaks; $i++ ) {
				$entry  = $paths[ mt_rand( 0, count( $paths ) - 1 ) ];
				$values = $bad[ $entry[1] ];
				$params = self::with( $params, $entry[0], $values[ mt_rand( 0, count( $values ) - 1 ) ] );
			}
			$cases[] = $params;
		}

		return $cases;
	}

	/**
	 * A copy of an array with the value at a path replaced (the path's parents must exist, or are made).
	 *
	 * @param array<mixed>     $array Array.
	 * @param list<int|string> $path  Keys.
	 * @param mixed            $value Value.
	 * @return array<mixed>
	 */
	private static function with( array $array, array $path, mixed $value ): array {
		$key = array_shift( $path );
		if ( null === $key ) {
			return $array;
		}
		$array[ $key ] = array() === $path ? $value : self::with( is_array( $array[ $key ] ?? null ) ? $array[ $key ] : array(), $path, $value );

		return $array;
	}

	/**
	 * The value at a path, or null.
	 *
	 * @param array<mixed>     $array Array.
	 * @param list<int|string> $path  Keys.
	 * @return mixed
	 */
	private static function get( array $array, array $path ): mixed {
		$value = $array;
		foreach ( $path as $key ) {
			$value = is_array( $value ) ? ( $value[ $key ] ?? null ) : null;
		}

		return $value;
	}
}
