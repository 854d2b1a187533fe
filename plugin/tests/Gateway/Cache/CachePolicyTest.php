<?php
/**
 * Tests of cache policies.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Cache;

use InvalidArgumentException;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Tests\TestCase;

/**
 * Headers a CDN can use for public responses, `private, no-store` for personalized ones.
 */
final class CachePolicyTest extends TestCase {

	/**
	 * A public policy states its three durations.
	 */
	public function test_public_policy_header(): void {
		$policy = CachePolicy::public( 60, 30, 600 );

		$this->assertTrue( $policy->is_storable() );
		$this->assertSame( 'public, max-age=60, stale-while-revalidate=30, stale-if-error=600', $policy->cache_control_header() );
		$this->assertSame( 660, $policy->retention() );
	}

	/**
	 * A private policy is never stored.
	 */
	public function test_private_policy_header(): void {
		$policy = CachePolicy::private();

		$this->assertFalse( $policy->is_storable() );
		$this->assertSame( 'private, no-store', $policy->cache_control_header() );
	}

	/**
	 * Invalid policies are refused.
	 *
	 * @dataProvider invalid_policies
	 *
	 * @param int    $ttl        TTL.
	 * @param int    $swr        Stale-while-revalidate.
	 * @param int    $sie        Stale-if-error.
	 * @param string $visibility Visibility.
	 */
	public function test_invalid_policies_are_refused( int $ttl, int $swr, int $sie, string $visibility ): void {
		$this->expectException( InvalidArgumentException::class );

		new CachePolicy( $ttl, $swr, $sie, $visibility );
	}

	/**
	 * Invalid policies.
	 *
	 * @return array<string, array{int, int, int, string}>
	 */
	public static function invalid_policies(): array {
		return array(
			'public without ttl' => array( 0, 0, 0, CachePolicy::PUBLIC ),
			'negative swr'       => array( 10, -1, 0, CachePolicy::PUBLIC ),
			'negative sie'       => array( 10, 0, -1, CachePolicy::PUBLIC ),
			'unknown visibility' => array( 10, 0, 0, 'shared' ),
		);
	}
}
