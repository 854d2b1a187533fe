<?php
/**
 * The address of the client a request comes from.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\RateLimit;

/**
 * Finds the client's IP address for rate limiting.
 *
 * By default only `REMOTE_ADDR` counts: `X-Forwarded-For` is written by whoever sends the request, so
 * believing it would let any client pick its own bucket. When the site sits behind proxies that the owner
 * lists (the `SWITCHBOARD_TRUSTED_PROXIES` constant, an array or a comma-separated string, then the
 * `switchboard_trusted_proxies` filter; IPv4 and IPv6 addresses or CIDR ranges), and `REMOTE_ADDR` is one
 * of them, `X-Forwarded-For` is walked from the right: trusted hops are skipped and the first untrusted
 * valid address is the client. Anything left of it was written by the client and is ignored. A value that
 * is not an IP address stops the walk, and the last trusted hop counts as the client, so garbage never wins.
 *
 * Addresses are normalised (lower-case, compressed IPv6; IPv4-mapped IPv6 as IPv4). For limiting, bucket()
 * groups IPv6 clients by their /64 network, since one subscriber usually holds a whole /64 and could
 * otherwise rotate through its addresses to escape the limit.
 */
final class ClientIp {

	/**
	 * At most this many `X-Forwarded-For` entries are examined.
	 */
	private const MAX_HOPS = 20;

	/**
	 * Trusted proxies as [packed network, prefix length] pairs.
	 *
	 * @var list<array{0: string, 1: int}>
	 */
	private array $trusted = array();

	/**
	 * Sets the trusted proxies.
	 *
	 * @param list<string>|null $trusted_proxies Addresses or CIDR ranges; the configured ones when null.
	 *                                           Invalid entries are ignored.
	 */
	public function __construct( ?array $trusted_proxies = null ) {
		foreach ( $trusted_proxies ?? self::configured_proxies() as $proxy ) {
			$range = self::parse_range( $proxy );
			if ( null !== $range ) {
				$this->trusted[] = $range;
			}
		}
	}

	/**
	 * The trusted proxies the site owner configured.
	 *
	 * @return list<string>
	 */
	public static function configured_proxies(): array {
		$configured = defined( 'SWITCHBOARD_TRUSTED_PROXIES' ) ? constant( 'SWITCHBOARD_TRUSTED_PROXIES' ) : array();
		if ( is_string( $configured ) ) {
			$configured = explode( ',', $configured );
		}

		/**
		 * Filters the proxies whose `X-Forwarded-For` entries are believed.
		 *
		 * @param list<string> $proxies IPv4 or IPv6 addresses or CIDR ranges, e.g. `10.0.0.0/8`.
		 */
		$filtered = apply_filters( 'switchboard_trusted_proxies', self::strings( $configured ) );

		return self::strings( $filtered );
	}

	/**
	 * The client's normalised address.
	 *
	 * @param array<mixed> $server Request variables, normally `$_SERVER`.
	 * @return string|null Null when `REMOTE_ADDR` is missing or not an IP address.
	 */
	public function resolve( array $server ): ?string {
		$remote = self::normalize( is_string( $server['REMOTE_ADDR'] ?? null ) ? $server['REMOTE_ADDR'] : '' );
		if ( null === $remote || ! $this->is_trusted( $remote ) ) {
			return $remote;
		}

		$forwarded = is_string( $server['HTTP_X_FORWARDED_FOR'] ?? null ) ? $server['HTTP_X_FORWARDED_FOR'] : '';
		$hops      = array_slice( array_reverse( explode( ',', $forwarded ) ), 0, self::MAX_HOPS );
		$client    = $remote;
		foreach ( $hops as $hop ) {
			$address = self::normalize( self::strip_port( trim( $hop, " \t" ) ) );
			if ( null === $address ) {
				break;
			}
			$client = $address;
			if ( ! $this->is_trusted( $address ) ) {
				break;
			}
		}

		return $client;
	}

	/**
	 * The rate-limit bucket of an address: IPv4 as it is, IPv6 as its /64 network (`2001:db8:1:2::/64`).
	 *
	 * @param string $address An IP address.
	 * @return string|null Null when it is not an IP address.
	 */
	public static function bucket( string $address ): ?string {
		$address = self::normalize( $address );
		if ( null === $address || ! str_contains( $address, ':' ) ) {
			return $address;
		}

		$packed = (string) inet_pton( $address );
		return inet_ntop( substr( $packed, 0, 8 ) . str_repeat( "\0", 8 ) ) . '/64';
	}

	/**
	 * An IP address in canonical form.
	 *
	 * @param string $address Candidate address.
	 * @return string|null Null when it is not an IP address.
	 */
	public static function normalize( string $address ): ?string {
		if ( false === filter_var( $address, FILTER_VALIDATE_IP ) ) {
			return null;
		}

		$packed = inet_pton( $address );
		if ( false === $packed ) {
			return null;
		}
		if ( 16 === strlen( $packed ) && str_starts_with( $packed, str_repeat( "\0", 10 ) . "\xff\xff" ) ) {
			$packed = substr( $packed, 12 );
		}

		$normalized = inet_ntop( $packed );
		return false === $normalized ? null : $normalized;
	}

	/**
	 * Whether an address is one of the trusted proxies.
	 *
	 * @param string $address Normalised address.
	 * @return bool
	 */
	private function is_trusted( string $address ): bool {
		$packed = (string) inet_pton( $address );
		foreach ( $this->trusted as $range ) {
			if ( strlen( $range[0] ) === strlen( $packed ) && self::prefix( $packed, $range[1] ) === $range[0] ) {
				return true;
			}
		}

		return false;
	}

	/**
	 * Parses an address or CIDR range.
	 *
	 * @param string $range E.g. `10.0.0.1`, `10.0.0.0/8`, `2001:db8::/32`.
	 * @return array{0: string, 1: int}|null Packed network and prefix length, or null when invalid.
	 */
	private static function parse_range( string $range ): ?array {
		$parts   = explode( '/', trim( $range ), 2 );
		$address = self::normalize( $parts[0] );
		if ( null === $address ) {
			return null;
		}

		$packed = (string) inet_pton( $address );
		$max    = 8 * strlen( $packed );
		$bits   = $max;
		if ( isset( $parts[1] ) ) {
			if ( 1 !== preg_match( '/^\d{1,3}$/', $parts[1] ) || (int) $parts[1] > $max ) {
				return null;
			}
			$bits = (int) $parts[1];
			if ( 16 === strlen( $packed ) && str_contains( $parts[0], '.' ) ) {
				$bits = max( 0, $bits - 96 ); // An IPv4-mapped range such as ::ffff:10.0.0.0/104.
			}
		}

		return array( self::prefix( $packed, $bits ), $bits );
	}

	/**
	 * The first `$bits` bits of a packed address, the rest zeroed.
	 *
	 * @param string $packed Packed address.
	 * @param int    $bits   Prefix length.
	 * @return string
	 */
	private static function prefix( string $packed, int $bits ): string {
		$bytes  = intdiv( $bits, 8 );
		$result = substr( $packed, 0, $bytes );
		if ( $bits % 8 > 0 ) {
			$result .= chr( ord( $packed[ $bytes ] ) & ( 0xff << ( 8 - $bits % 8 ) ) & 0xff );
		}

		return str_pad( $result, strlen( $packed ), "\0" );
	}

	/**
	 * Removes a port from `1.2.3.4:80` or `[2001:db8::1]:80`, as some proxies add one.
	 *
	 * @param string $hop An `X-Forwarded-For` entry.
	 * @return string
	 */
	private static function strip_port( string $hop ): string {
		if ( 1 === preg_match( '/^\[([^\]]+)\](?::\d{1,5})?$/', $hop, $matches ) ) {
			return $matches[1];
		}
		if ( 1 === preg_match( '/^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/', $hop, $matches ) ) {
			return $matches[1];
		}

		return $hop;
	}

	/**
	 * The strings in a value that should be a list of strings.
	 *
	 * @param mixed $value Value.
	 * @return list<string>
	 */
	private static function strings( mixed $value ): array {
		$strings = array();
		foreach ( is_array( $value ) ? $value : array() as $item ) {
			if ( is_string( $item ) && '' !== trim( $item ) ) {
				$strings[] = trim( $item );
			}
		}

		return $strings;
	}
}
