<?php
/**
 * Tests of cache keys.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Cache;

use InvalidArgumentException;
use Normalizer;
use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Tests\TestCase;

/**
 * Normalization merges only arguments that mean the same thing; the version invalidates everything.
 */
final class CacheKeyTest extends TestCase {

	/**
	 * The order of associative keys does not matter, at any depth.
	 */
	public function test_key_order_is_ignored_at_every_depth(): void {
		$a = CacheKey::for_route(
			'search/query',
			array(
				'q'      => 'hello',
				'filter' => array(
					'type' => 'post',
					'tag'  => array(
						'b' => 2,
						'a' => 1,
					),
				),
				'page'   => 2,
			)
		);
		$b = CacheKey::for_route(
			'search/query',
			array(
				'page'   => 2,
				'filter' => array(
					'tag'  => array(
						'a' => 1,
						'b' => 2,
					),
					'type' => 'post',
				),
				'q'      => 'hello',
			)
		);

		$this->assertSame( $a->hash, $b->hash );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{64}$/', $a->hash );
	}

	/**
	 * Lists keep their order, types are kept, strings are not trimmed, and the route is part of the key.
	 */
	public function test_arguments_that_may_differ_give_different_keys(): void {
		$base = CacheKey::for_route( 'feed/items', array( 'ids' => array( 1, 2 ) ) )->hash;

		$this->assertNotSame( $base, CacheKey::for_route( 'feed/items', array( 'ids' => array( 2, 1 ) ) )->hash, 'List order' );
		$this->assertNotSame( $base, CacheKey::for_route( 'feed/other', array( 'ids' => array( 1, 2 ) ) )->hash, 'Route' );
		$this->assertNotSame( $base, CacheKey::for_route( 'feed/items', array( 'ids' => array( '1', '2' ) ) )->hash, 'Type' );
		$this->assertNotSame(
			CacheKey::for_route( 'search/query', array( 'q' => 'hello' ) )->hash,
			CacheKey::for_route( 'search/query', array( 'q' => ' hello ' ) )->hash,
			'Whitespace'
		);
		$this->assertNotSame(
			CacheKey::for_route( 'search/query', array( 'q' => "a\0b" ) )->hash,
			CacheKey::for_route( 'search/query', array( 'q' => 'ab' ) )->hash,
			'NUL byte'
		);
		$this->assertNotSame(
			CacheKey::for_route( 'search/query', array( 'q' => "\xff" ) )->hash,
			CacheKey::for_route( 'search/query', array( 'q' => "\xfe" ) )->hash,
			'Invalid UTF-8 is kept byte for byte'
		);
	}

	/**
	 * Composed and decomposed forms of the same text share a key.
	 */
	public function test_strings_are_nfc_normalized(): void {
		if ( ! class_exists( Normalizer::class ) ) {
			$this->markTestSkipped( 'The intl extension is not loaded.' );
		}

		$this->assertSame(
			CacheKey::for_route( 'search/query', array( 'q' => "caf\u{00e9}" ) )->hash,
			CacheKey::for_route( 'search/query', array( 'q' => "cafe\u{0301}" ) )->hash
		);
	}

	/**
	 * Bumping the version changes every storage key.
	 */
	public function test_invalidate_all_changes_the_storage_key(): void {
		$before = CacheKey::for_route( 'search/query', array( 'q' => 'x' ) );

		$version = CacheKey::invalidate_all();
		$after   = CacheKey::for_route( 'search/query', array( 'q' => 'x' ) );

		$this->assertSame( $before->version + 1, $version );
		$this->assertSame( $before->hash, $after->hash );
		$this->assertNotSame( $before->storage_key(), $after->storage_key() );
		$this->assertSame( 'swb_v' . $version . '_' . $after->hash, $after->storage_key() );
	}

	/**
	 * Objects cannot be part of a key.
	 */
	public function test_objects_are_refused(): void {
		$this->expectException( InvalidArgumentException::class );

		CacheKey::for_route( 'search/query', array( 'q' => new \stdClass() ) );
	}
}
