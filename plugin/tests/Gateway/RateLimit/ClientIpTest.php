<?php
/**
 * Tests of the client address used for rate limiting.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\RateLimit;

use Switchboard\Gateway\RateLimit\ClientIp;
use Switchboard\Tests\TestCase;

/**
 * REMOTE_ADDR only by default, X-Forwarded-For only through configured proxies, garbage never wins, IPv6
 * normalised and grouped by /64.
 */
final class ClientIpTest extends TestCase {

	/**
	 * Without trusted proxies, only REMOTE_ADDR counts, whatever X-Forwarded-For claims.
	 */
	public function test_uses_remote_addr_and_ignores_forwarded_for_by_default(): void {
		$client = new ClientIp();

		$this->assertSame( '203.0.113.7', $client->resolve( array( 'REMOTE_ADDR' => '203.0.113.7' ) ) );
		$this->assertSame(
			'203.0.113.7',
			$client->resolve(
				array(
					'REMOTE_ADDR'          => '203.0.113.7',
					'HTTP_X_FORWARDED_FOR' => '198.51.100.1, 10.0.0.1',
				)
			)
		);
	}

	/**
	 * A forwarded address is ignored when the request does not come from a trusted proxy.
	 */
	public function test_forwarded_for_from_an_untrusted_peer_is_ignored(): void {
		$client = new ClientIp( array( '10.0.0.0/8' ) );

		$this->assertSame(
			'203.0.113.7',
			$client->resolve(
				array(
					'REMOTE_ADDR'          => '203.0.113.7',
					'HTTP_X_FORWARDED_FOR' => '198.51.100.1',
				)
			)
		);
	}

	/**
	 * Through a chain of trusted proxies, the first untrusted hop from the right is the client, and what
	 * the client wrote to the left of it is ignored.
	 */
	public function test_walks_a_trusted_proxy_chain_from_the_right(): void {
		$client = new ClientIp( array( '10.0.0.0/8', '2001:db8:ffff::/48', '192.0.2.10' ) );

		$this->assertSame(
			'198.51.100.23',
			$client->resolve(
				array(
					'REMOTE_ADDR'          => '10.1.2.3',
					'HTTP_X_FORWARDED_FOR' => '1.1.1.1, 198.51.100.23, 192.0.2.10, 2001:db8:ffff::9, 10.9.9.9',
				)
			)
		);
	}

	/**
	 * The trusted proxies come from the switchboard_trusted_proxies filter.
	 */
	public function test_trusted_proxies_come_from_the_filter(): void {
		add_filter(
			'switchboard_trusted_proxies',
			static fn (): array => array( '127.0.0.1', 'not a range', '10.0.0.0/99' )
		);

		$this->assertSame( array( '127.0.0.1', 'not a range', '10.0.0.0/99' ), ClientIp::configured_proxies() );
		$this->assertSame(
			'198.51.100.23',
			( new ClientIp() )->resolve(
				array(
					'REMOTE_ADDR'          => '127.0.0.1',
					'HTTP_X_FORWARDED_FOR' => '198.51.100.23',
				)
			)
		);
		$this->assertSame(
			'10.0.0.5',
			( new ClientIp() )->resolve(
				array(
					'REMOTE_ADDR'          => '10.0.0.5',
					'HTTP_X_FORWARDED_FOR' => '198.51.100.23',
				)
			),
			'An invalid range trusts nothing.'
		);
	}

	/**
	 * Garbage in X-Forwarded-For stops the walk at the last trusted hop instead of winning.
	 *
	 * @dataProvider garbage_hops
	 *
	 * @param string $forwarded X-Forwarded-For value.
	 * @param string $expected  The client found.
	 */
	public function test_garbage_never_wins( string $forwarded, string $expected ): void {
		$client = new ClientIp( array( '10.0.0.0/8' ) );

		$this->assertSame(
			$expected,
			$client->resolve(
				array(
					'REMOTE_ADDR'          => '10.0.0.1',
					'HTTP_X_FORWARDED_FOR' => $forwarded,
				)
			)
		);
	}

	/**
	 * X-Forwarded-For values with garbage.
	 *
	 * @return array<string, array{string, string}>
	 */
	public static function garbage_hops(): array {
		return array(
			'not an address'          => array( 'evil', '10.0.0.1' ),
			'garbage right of client' => array( '198.51.100.1, nonsense', '10.0.0.1' ),
			'garbage after a proxy'   => array( "' OR 1=1 --, 10.0.0.2", '10.0.0.2' ),
			'five octets'             => array( '1.2.3.4.5', '10.0.0.1' ),
			'empty'                   => array( '', '10.0.0.1' ),
			'NUL byte'                => array( "198.51.100.1\0", '10.0.0.1' ),
			'huge'                    => array( str_repeat( '9', 100000 ), '10.0.0.1' ),
			'all trusted'             => array( '10.0.0.3, 10.0.0.2', '10.0.0.3' ),
			'IPv4 with a port'        => array( '198.51.100.1:4711', '198.51.100.1' ),
			'IPv6 with a port'        => array( '[2001:DB8::1]:443', '2001:db8::1' ),
		);
	}

	/**
	 * A missing or invalid REMOTE_ADDR gives no address.
	 */
	public function test_invalid_remote_addr_gives_null(): void {
		$client = new ClientIp( array( '10.0.0.0/8' ) );

		$this->assertNull( $client->resolve( array() ) );
		$this->assertNull( $client->resolve( array( 'REMOTE_ADDR' => 'localhost' ) ) );
		$this->assertNull( $client->resolve( array( 'REMOTE_ADDR' => array( '10.0.0.1' ) ) ) );
	}

	/**
	 * IPv6 is normalised, IPv4-mapped IPv6 becomes IPv4, and IPv6 trusted ranges match.
	 */
	public function test_normalizes_addresses(): void {
		$this->assertSame( '2001:db8::1', ClientIp::normalize( '2001:0DB8:0000:0000:0000:0000:0000:0001' ) );
		$this->assertSame( '192.0.2.1', ClientIp::normalize( '::ffff:192.0.2.1' ) );
		$this->assertNull( ClientIp::normalize( 'fe80::1%eth0' ) );
		$this->assertNull( ClientIp::normalize( '' ) );

		$client = new ClientIp( array( '2001:DB8::/32' ) );
		$this->assertSame(
			'2001:db8:1:2::abcd',
			$client->resolve(
				array(
					'REMOTE_ADDR'          => '2001:db8::53',
					'HTTP_X_FORWARDED_FOR' => '2001:0db8:0001:0002:0000:0000:0000:abcd',
				)
			)
		);
	}

	/**
	 * IPv6 clients share one bucket per /64; IPv4 clients have one each.
	 */
	public function test_buckets_group_ipv6_by_64(): void {
		$this->assertSame( '2001:db8:1:2::/64', ClientIp::bucket( '2001:db8:1:2:aaaa:bbbb:cccc:dddd' ) );
		$this->assertSame( ClientIp::bucket( '2001:db8:1:2::1' ), ClientIp::bucket( '2001:DB8:1:2:ffff::9' ) );
		$this->assertNotSame( ClientIp::bucket( '2001:db8:1:2::1' ), ClientIp::bucket( '2001:db8:1:3::1' ) );
		$this->assertSame( '203.0.113.7', ClientIp::bucket( '203.0.113.7' ) );
		$this->assertSame( '203.0.113.7', ClientIp::bucket( '::ffff:203.0.113.7' ) );
		$this->assertNull( ClientIp::bucket( 'garbage' ) );
	}
}
