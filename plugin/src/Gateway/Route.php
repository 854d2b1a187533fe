<?php
/**
 * One `switchboard/v1` route that proxies to a service.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use Closure;
use InvalidArgumentException;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\RateLimit\Policy;

/**
 * An immutable route declaration: the only way a browser request can reach a service.
 *
 * Everything a request may influence is declared here: the arguments (a REST `args` schema with types,
 * bounds and sanitizers), who may call it, and which fields of the service's answer are passed back. The
 * service, method and upstream path are fixed, so no client input can choose a host, scheme, port or path.
 */
final class Route {

	/**
	 * Anyone may call it (a public read); answered from a page cached days ago without a nonce.
	 */
	public const ACCESS_PUBLIC = 'public';

	/**
	 * Any visitor, logged in or not, with a valid `wp_rest` nonce from a same-site page (visitor writes).
	 */
	public const ACCESS_VISITOR = 'visitor';

	/**
	 * Users who can edit posts (block previews in the editor).
	 */
	public const ACCESS_EDITOR = 'editor';

	/**
	 * Administrators (users who can manage options).
	 */
	public const ACCESS_ADMIN = 'admin';

	/**
	 * Shape of a route id: `service/name`.
	 */
	private const ID_PATTERN = '#^[a-z0-9-]{1,32}/[a-z0-9-]{1,48}$#D';

	/**
	 * Shape of a REST path below the namespace: fixed segments only.
	 */
	private const PATH_PATTERN = '#^(?:/[a-z0-9-]{1,48}){1,4}$#D';

	/**
	 * The HTTP method the route answers and the service is called with.
	 *
	 * @var string
	 */
	public readonly string $method;

	/**
	 * Requests per window each client may make.
	 *
	 * @var Policy
	 */
	public readonly Policy $rate_limit;

	/**
	 * Cache policy; private (never stored) unless the declaration gives a public one.
	 *
	 * @var CachePolicy
	 */
	public readonly CachePolicy $cache;

	/**
	 * Builds a route, refusing any declaration the gateway could not enforce.
	 *
	 * @param string                              $id            `service/name`, e.g. `search/query`; keys cache and limits.
	 * @param string                              $service       Id of the registered service it calls.
	 * @param string                              $path          REST path below `switchboard/v1`, e.g. `/search`.
	 * @param string                              $method        GET, POST, PUT, PATCH or DELETE.
	 * @param string                              $upstream_path Fixed path on the service, e.g. `/v1/search`.
	 * @param string                              $access        One of the ACCESS_* constants.
	 * @param array<string, array<string, mixed>> $args          REST `args`: every argument a client may send.
	 * @param array<string, mixed>                $response      JSON schema of the allow-listed answer (objects list their properties).
	 * @param CachePolicy|null                    $cache         Public policy for shared, cacheable answers; null for private.
	 * @param Policy|null                         $rate_limit    Per-client limit; a default per access level when null.
	 * @param Closure|null                        $fallback      `fn( array $args ): ?array` giving an answer in the response shape
	 *                                                           when the service fails (e.g. WordPress's own search).
	 * @param Closure|null                        $transform     `fn( array $answer, array $args ): array|WP_Error` turning the
	 *                                                           service's checked answer into the browser's (e.g. post ids into
	 *                                                           items WordPress renders); not applied to the fallback, which
	 *                                                           gives the final shape itself.
	 * @throws InvalidArgumentException For a malformed declaration.
	 */
	public function __construct(
		public readonly string $id,
		public readonly string $service,
		public readonly string $path,
		string $method,
		public readonly string $upstream_path,
		public readonly string $access,
		public readonly array $args,
		public readonly array $response,
		?CachePolicy $cache = null,
		?Policy $rate_limit = null,
		public readonly ?Closure $fallback = null,
		public readonly ?Closure $transform = null
	) {
		$this->method = strtoupper( $method );
		if ( 1 !== preg_match( self::ID_PATTERN, $id ) ) {
			throw new InvalidArgumentException( 'A route id is `service/name` in lower-case letters, digits and hyphens.' );
		}
		if ( 1 !== preg_match( Service::ID_PATTERN, $service ) ) {
			throw new InvalidArgumentException( 'A route needs a valid service id.' );
		}
		if ( 1 !== preg_match( self::PATH_PATTERN, $path ) ) {
			throw new InvalidArgumentException( 'A route path is one to four fixed lower-case segments.' );
		}
		if ( ! in_array( $this->method, array( 'GET', 'POST', 'PUT', 'PATCH', 'DELETE' ), true ) ) {
			throw new InvalidArgumentException( 'A route method is GET, POST, PUT, PATCH or DELETE.' );
		}
		if ( ! ServiceClient::is_safe_path( $upstream_path ) ) {
			throw new InvalidArgumentException( 'A route needs a plain upstream path.' );
		}
		if ( ! in_array( $access, array( self::ACCESS_PUBLIC, self::ACCESS_VISITOR, self::ACCESS_EDITOR, self::ACCESS_ADMIN ), true ) ) {
			throw new InvalidArgumentException( 'Unknown route access level.' );
		}
		foreach ( $args as $name => $arg ) {
			if ( 1 !== preg_match( '/^[a-z][a-z0-9_]{0,31}$/D', (string) $name ) || ! isset( $arg['type'] ) ) {
				throw new InvalidArgumentException( 'Every route argument needs a plain name and a schema type.' );
			}
		}
		if ( 'object' !== ( $response['type'] ?? null ) ) {
			throw new InvalidArgumentException( 'A route response schema describes an object.' );
		}

		$cache = $cache ?? CachePolicy::private();
		if ( $cache->is_storable() && ( 'GET' !== $this->method || self::ACCESS_PUBLIC !== $access ) ) {
			throw new InvalidArgumentException( 'Only public GET routes may be cached.' );
		}
		$this->cache      = $cache;
		$this->rate_limit = $rate_limit ?? self::default_rate_limit( $access );
	}

	/**
	 * Whether the route reads without changing anything (and so may be retried and cached).
	 *
	 * @return bool
	 */
	public function is_read(): bool {
		return 'GET' === $this->method;
	}

	/**
	 * The default per-client limit for an access level.
	 *
	 * Public reads allow typing-speed bursts (instant search sends a request per pause in typing); visitor
	 * writes are few by nature; editor and admin screens poll.
	 *
	 * @param string $access Access level.
	 * @return Policy
	 */
	private static function default_rate_limit( string $access ): Policy {
		return match ( $access ) {
			self::ACCESS_PUBLIC  => Policy::per( 120, 60 ),
			self::ACCESS_VISITOR => Policy::per( 20, 60 ),
			default              => Policy::per( 300, 60 ),
		};
	}
}
