<?php
/**
 * The `switchboard/v1` proxy routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use Switchboard\Gateway\Cache\CachedEndpoint;
use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Gateway\Cache\CacheResult;
use Switchboard\Gateway\FastPath\FastPathRequest;
use Switchboard\Gateway\FastPath\Memo;
use Switchboard\Gateway\FastPath\RouteHeaders;
use Switchboard\Gateway\RateLimit\Decision;
use Switchboard\Gateway\Metrics\MetricsRecorder;
use Switchboard\Gateway\RateLimit\ClientIp;
use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\RateLimit\RateLimiter;
use Switchboard\Module;
use WP_Error;
use WP_REST_Request;
use WP_REST_Response;

/**
 * Registers every declared route with the REST API and answers it (after WordPress has validated the
 * arguments and NamespaceGuard has refused undeclared ones): per-client rate limit, the service called through the cache (public routes) or directly (private ones), the answer
 * reduced to the route's schema, and the route's fallback when the service fails.
 *
 * Every answer carries `Cache-Control` (the route's policy on success, `no-store` otherwise), the rate limit
 * headers and `X-Switchboard-Cache`; a fallback answer adds `X-Switchboard-Fallback`.
 */
final class ProxyController implements Module {

	/**
	 * The REST namespace.
	 */
	public const NAMESPACE = 'switchboard/v1';

	/**
	 * The namespace as the start of a route path.
	 */
	public const NAMESPACE_PATH = '/switchboard/v1';

	/**
	 * Headers WordPress sends with a gateway answer that are the same for every identical request, which the
	 * fast path repeats (lower-case).
	 */
	private const REPLAYED_HEADERS = array( 'content-type', 'x-robots-tag', 'link', 'x-content-type-options', 'access-control-expose-headers', 'access-control-allow-headers', 'allow', 'vary', 'cache-control' );

	/**
	 * Parameters WordPress's REST server acts on itself (`_fields`, `_envelope`, …): requests with them are
	 * never answered early. `_locale`, which api-fetch adds, changes nothing in a gateway answer.
	 */
	private const EARLY_RESERVED = array( '_locale' );

	/**
	 * The fast-path memo for the answer being sent, written once WordPress has sent its headers.
	 *
	 * @var array{key: string, memo: Memo}|null
	 */
	private ?array $pending_memo = null;

	/**
	 * The route whose answer's headers are recorded for early answers once WordPress has sent them.
	 *
	 * @var Route|null
	 */
	private ?Route $pending_route = null;

	/**
	 * What an early answer did before leaving the request to WordPress (a refused rate limit or a failed
	 * service), so that handle() neither takes a second token nor calls the service a second time.
	 *
	 * @var array{route: string, args: array<string, mixed>, decision: Decision, result: CacheResult|null}|null
	 */
	private ?array $carried = null;

	/**
	 * Stores the collaborators.
	 *
	 * @param RouteRegistry   $routes   The routes.
	 * @param ServiceRegistry $services The services.
	 * @param ServiceClient   $client   Calls services.
	 * @param CachedEndpoint  $cache    Caches public answers.
	 * @param RateLimiter     $limiter  Per-client token buckets.
	 * @param ClientIp        $client_ip Finds the client's address.
	 * @param MetricsRecorder $metrics  Receives one sample per answered request.
	 */
	public function __construct(
		private readonly RouteRegistry $routes,
		private readonly ServiceRegistry $services,
		private readonly ServiceClient $client,
		private readonly CachedEndpoint $cache,
		private readonly RateLimiter $limiter,
		private readonly ClientIp $client_ip,
		private readonly MetricsRecorder $metrics
	) {
	}

	/**
	 * Registers the routes when the REST API starts, and the stale-nonce rule for public routes.
	 */
	public function register_hooks(): void {
		add_action( 'rest_api_init', array( $this, 'register_routes' ) );
		add_filter( 'rest_authentication_errors', array( $this, 'authentication_errors' ), 999 );
		add_filter( 'rest_pre_serve_request', array( $this, 'write_memo' ), PHP_INT_MAX );
	}

	/**
	 * The rate-limit bucket of a client on a route (the fast path uses the same).
	 *
	 * @param string      $route_id Route id.
	 * @param string|null $address  Client address, null when unknown.
	 * @return string
	 */
	public static function bucket_key( string $route_id, ?string $address ): string {
		return 'route:' . $route_id . '|client:' . ( null === $address ? 'unknown' : ClientIp::bucket( $address ) );
	}

	/**
	 * `rest_pre_serve_request`: leaves a memo for the fast path once WordPress has sent the answer's headers.
	 *
	 * @param mixed $served Whether the request was already served.
	 * @return mixed Unchanged.
	 */
	public function write_memo( mixed $served ): mixed {
		$pending             = $this->pending_memo;
		$route               = $this->pending_route;
		$this->pending_memo  = null;
		$this->pending_route = null;
		if ( 200 !== http_response_code() ) {
			return $served;
		}
		if ( null !== $route ) {
			RouteHeaders::remember( $this->cache->store(), $route->id, headers_list() );
		}
		if ( null === $pending ) {
			return $served;
		}

		$headers = RouteHeaders::pick( headers_list(), self::REPLAYED_HEADERS );
		$memo    = $pending['memo'];
		( new Memo( $memo->route_id, $memo->service_id, $memo->storage_key, $memo->version, $memo->cache, $memo->rate_limit, $memo->proxies, $headers ) )->remember( $this->cache->store(), $pending['key'] );

		return $served;
	}

	/**
	 * Registers every route.
	 */
	public function register_routes(): void {
		foreach ( $this->routes->all() as $route ) {
			register_rest_route(
				self::NAMESPACE,
				'/' . ltrim( $route->path, '/' ),
				array(
					'methods'             => $route->method,
					'callback'            => fn( WP_REST_Request $request ): WP_REST_Response => $this->handle( $request, $route ),
					'permission_callback' => Access::permission_callback( $route ),
					'args'                => RequestArguments::for_registration( $route ),
				)
			);
		}
	}

	/**
	 * `rest_authentication_errors`: lets a stale nonce through to public routes as an anonymous request.
	 *
	 * @param mixed $result Earlier result.
	 * @return mixed
	 */
	public function authentication_errors( mixed $result ): mixed {
		if ( ! $result instanceof WP_Error ) {
			return $result;
		}
		$wp         = $GLOBALS['wp'] ?? null;
		$rest_route = $wp instanceof \WP ? ( $wp->query_vars['rest_route'] ?? null ) : null;

		return Access::tolerate_stale_nonce( $result, $this->routes->public_routes(), is_string( $rest_route ) ? $rest_route : null );
	}

	/**
	 * Answers one request to a route.
	 *
	 * @param WP_REST_Request $request Validated request.
	 * @param Route           $route   Route.
	 * @return WP_REST_Response
	 */
	public function handle( WP_REST_Request $request, Route $route ): WP_REST_Response {
		$started = microtime( true );
		$args    = RequestArguments::values( $request, $route );
		$carried = $this->take_carried( $route, $args );
		$limit   = self::rate_limit( $route );
		if ( null === $carried ) {
			$decision = $this->limiter->consume( self::bucket_key( $route->id, $this->client_ip->resolve( $_SERVER ) ), $limit );
		} else {
			$decision = $carried['decision'];
		}
		if ( ! $decision->allowed ) {
			return self::error_response( $decision->error(), $decision->headers() );
		}

		$key    = $route->cache->is_storable() ? CacheKey::for_route( $route->id, $args ) : null;
		$result = $carried['result'] ?? $this->fetch( $route, $args, $key );
		// Only a hit leaves a note for the early answer: most misses (a visitor typing) never repeat.
		if ( null !== $key && CacheResult::HIT === $result->status ) {
			$this->pending_memo = self::memo( $route, $key, $limit );
		}
		if ( Route::ACCESS_PUBLIC === $route->access && $route->is_read() && self::is_early_eligible( $route ) ) {
			$this->pending_route = $route;
		}

		return $this->respond( $route, $args, $decision, $result, $started, '' );
	}

	/**
	 * Answers a validated request before WordPress has fully loaded (see FastPath\EarlyAnswer), when the
	 * answer is a plain success. Otherwise returns null and keeps what was done (the rate limit's decision,
	 * the service's failure) for handle(), which WordPress calls next: the fallback, translated errors and
	 * 429s are WordPress's, and nothing is taken or called twice.
	 *
	 * @param WP_REST_Request $request Request validated and sanitized as the REST server does.
	 * @param Route           $route   Route.
	 * @return WP_REST_Response|null
	 */
	public function answer_early( WP_REST_Request $request, Route $route ): ?WP_REST_Response {
		if ( null !== $route->transform ) {
			// A transform needs all of WordPress (rewrite rules for permalinks, image sizes, translations),
			// which `plugins_loaded` does not have yet. Its cached answers are still replayed by the fast path.
			return null;
		}
		$started  = microtime( true );
		$args     = RequestArguments::values( $request, $route );
		$limit    = self::rate_limit( $route );
		$decision = $this->limiter->consume( self::bucket_key( $route->id, $this->client_ip->resolve( $_SERVER ) ), $limit );
		if ( ! $decision->allowed ) {
			$this->carried = array(
				'route'    => $route->id,
				'args'     => $args,
				'decision' => $decision,
				'result'   => null,
			);
			return null;
		}

		$key    = $route->cache->is_storable() ? CacheKey::for_route( $route->id, $args ) : null;
		$result = $this->fetch( $route, $args, $key );
		if ( $result->is_error() ) {
			$this->carried = array(
				'route'    => $route->id,
				'args'     => $args,
				'decision' => $decision,
				'result'   => $result,
			);
			return null;
		}
		if ( null !== $key && CacheResult::HIT === $result->status ) {
			$this->pending_memo = self::memo( $route, $key, $limit );
		}

		return $this->respond( $route, $args, $decision, $result, $started, 'early dispatch' );
	}

	/**
	 * Writes the fast-path memo an early answer earned, with the headers it sent.
	 *
	 * @param array<string, string> $headers Headers of the early answer.
	 */
	public function remember_early( array $headers ): void {
		$pending            = $this->pending_memo;
		$this->pending_memo = null;
		if ( null === $pending ) {
			return;
		}
		$lines = array();
		foreach ( $headers as $name => $value ) {
			$lines[] = $name . ': ' . $value;
		}
		$memo = $pending['memo'];
		( new Memo( $memo->route_id, $memo->service_id, $memo->storage_key, $memo->version, $memo->cache, $memo->rate_limit, $memo->proxies, RouteHeaders::pick( $lines, self::REPLAYED_HEADERS ) ) )->remember( $this->cache->store(), $pending['key'] );
	}

	/**
	 * The public GET route at a REST path, or null.
	 *
	 * @param string $path Path below the namespace, e.g. `/search`.
	 * @return Route|null
	 */
	public function public_read( string $path ): ?Route {
		foreach ( $this->routes->public_routes() as $route ) {
			if ( $route->path === $path && $route->is_read() ) {
				return $route;
			}
		}

		return null;
	}

	/**
	 * Whether the current request is one an early answer may take: anonymous, on a single site, with only
	 * the route's declared parameters (and `_locale`).
	 *
	 * @param Route $route Route.
	 * @return bool
	 */
	public static function is_early_eligible( Route $route ): bool {
		if ( is_multisite() || 0 !== get_current_user_id() ) {
			return false;
		}
		$request = FastPathRequest::from_server( $_SERVER );
		if ( null === $request || $request->route_path !== $route->path ) {
			return false;
		}
		foreach ( $request->names as $name ) {
			if ( ! isset( $route->args[ $name ] ) && ! in_array( $name, self::EARLY_RESERVED, true ) ) {
				return false;
			}
		}

		return true;
	}

	/**
	 * The answer: the service's, the route's fallback when the service failed, or the error; with the cache,
	 * rate-limit and timing headers, and the sample recorded.
	 *
	 * @param Route                $route    Route.
	 * @param array<string, mixed> $args     Validated arguments.
	 * @param Decision             $decision The rate limit's decision.
	 * @param CacheResult          $result   What the cache or the service gave.
	 * @param float                $started  When the gateway started on the request.
	 * @param string               $stage    Named in Server-Timing when not WordPress's REST dispatch.
	 * @return WP_REST_Response
	 */
	private function respond( Route $route, array $args, Decision $decision, CacheResult $result, float $started, string $stage ): WP_REST_Response {
		$headers  = $decision->headers();
		$fallback = null;
		if ( $result->value instanceof WP_Error && self::status_of( $result->value ) >= 500 && null !== $route->fallback ) {
			$fallback = ( $route->fallback )( $args );
		}

		if ( is_array( $fallback ) ) {
			$response = new WP_REST_Response( $fallback, 200 );
			$headers += array(
				'Cache-Control'          => 'no-store',
				'X-Switchboard-Cache'    => 'MISS',
				'X-Switchboard-Fallback' => 'native',
			);
		} elseif ( $result->value instanceof WP_Error ) {
			$response = self::error_response( $result->value );
		} else {
			$response = new WP_REST_Response( $result->value, 200 );
		}

		foreach ( $headers + $result->headers() as $name => $value ) {
			$response->header( $name, $value );
		}

		$milliseconds = ( microtime( true ) - $started ) * 1000;
		// The gateway's own share of the response time, for browsers' developer tools and for tests.
		$response->header( 'Server-Timing', sprintf( 'gateway;dur=%.1f', $milliseconds ) . ( '' === $stage ? '' : ';desc="' . $stage . '"' ) );
		$this->record_after_response(
			$route->service,
			$milliseconds,
			$result->is_error() && ( null !== $fallback || $response->get_status() >= 500 ),
			$route->cache->is_storable() ? $result->status : MetricsRecorder::BYPASS
		);

		return $response;
	}

	/**
	 * What an early answer left for this request, if it is this route with these arguments (taken once).
	 *
	 * @param Route                $route Route.
	 * @param array<string, mixed> $args  Validated arguments.
	 * @return array{route: string, args: array<string, mixed>, decision: Decision, result: CacheResult|null}|null
	 */
	private function take_carried( Route $route, array $args ): ?array {
		$carried       = $this->carried;
		$this->carried = null;

		return null !== $carried && $carried['route'] === $route->id && $carried['args'] === $args ? $carried : null;
	}

	/**
	 * Records the request's sample once the visitor has the answer (PHP-FPM), or at once where the response
	 * cannot be finished early (the CLI, PHP's built-in server).
	 *
	 * @param string $service_id   Service id.
	 * @param float  $milliseconds The gateway's time.
	 * @param bool   $failed       Whether the service failed the visitor.
	 * @param string $cache        Cache state.
	 */
	private function record_after_response( string $service_id, float $milliseconds, bool $failed, string $cache ): void {
		if ( ! function_exists( 'fastcgi_finish_request' ) ) {
			$this->metrics->record( $service_id, $milliseconds, $failed, $cache );
			return;
		}

		add_action(
			'shutdown',
			function () use ( $service_id, $milliseconds, $failed, $cache ): void {
				CachedEndpoint::finish_response();
				$this->metrics->record( $service_id, $milliseconds, $failed, $cache );
			},
			PHP_INT_MAX
		);
	}

	/**
	 * The route's per-client limit, as declared or as the `switchboard_rate_limit` filter sets it.
	 *
	 * @param Route $route Route.
	 * @return Policy
	 */
	private static function rate_limit( Route $route ): Policy {
		/**
		 * Filters a gateway route's per-client rate limit.
		 *
		 * @param Policy $policy   The declared limit, e.g. `Policy::per( 120, 60 )`.
		 * @param string $route_id Route id, e.g. `search/query`.
		 */
		$policy = apply_filters( 'switchboard_rate_limit', $route->rate_limit, $route->id );

		return $policy instanceof Policy ? $policy : $route->rate_limit;
	}

	/**
	 * The route's answer for these arguments: through the cache for public routes, from the service otherwise.
	 *
	 * @param Route                $route Route.
	 * @param array<string, mixed> $args  Validated arguments.
	 * @param CacheKey|null        $key   Cache key of a public route; null for a private one.
	 * @return CacheResult
	 */
	private function fetch( Route $route, array $args, ?CacheKey $key ): CacheResult {
		$origin = function () use ( $route, $args ): array|WP_Error {
			$service = $this->services->get( $route->service );
			if ( null === $service ) {
				return new WP_Error(
					'switchboard_service_not_configured',
					__( 'This service is not configured.', 'switchboard' ),
					array(
						'status'  => 503,
						'service' => $route->service,
					)
				);
			}

			$answer = $route->is_read()
				? $this->client->request( $service, $route->method, $route->upstream_path, self::query( $args ) )
				: $this->client->request( $service, $route->method, $route->upstream_path, array(), $args );

			$shaped = $answer instanceof WP_Error ? $answer : ResponseShape::apply( $route->response, $answer, $service->id );
			if ( $shaped instanceof WP_Error || null === $route->transform ) {
				return $shaped;
			}
			// Inside the origin, so a public route caches (and the fast path replays) the final answer.
			$final = ( $route->transform )( $shaped, $args );

			return is_array( $final ) || $final instanceof WP_Error ? $final : new WP_Error(
				'switchboard_upstream_bad_shape',
				__( 'The service answered with data the gateway does not accept.', 'switchboard' ),
				array(
					'status'  => 502,
					'service' => $service->id,
				)
			);
		};

		if ( null === $key ) {
			return new CacheResult( $origin(), CacheResult::MISS, 0, $route->cache );
		}

		return $this->cache->fetch( $key, $route->cache, $origin );
	}

	/**
	 * The fast-path memo for this request, when the fast path could answer it next time: an anonymous
	 * request with only declared parameters, on a single site.
	 *
	 * @param Route    $route Route.
	 * @param CacheKey $key   Cache key of the answer.
	 * @param Policy   $limit The route's rate limit.
	 * @return array{key: string, memo: Memo}|null
	 */
	private static function memo( Route $route, CacheKey $key, Policy $limit ): ?array {
		$request = FastPathRequest::from_server( $_SERVER );
		if ( null === $request || ! self::is_early_eligible( $route ) ) {
			return null;
		}

		return array(
			'key'  => $request->key,
			'memo' => new Memo( $route->id, $route->service, $key->storage_key(), $key->version, $route->cache, $limit, ClientIp::configured_proxies(), array() ),
		);
	}

	/**
	 * Query arguments for the service: scalars as strings (booleans as 1/0), lists kept.
	 *
	 * @param array<string, mixed> $args Validated arguments.
	 * @return array<string, scalar|array<mixed>>
	 */
	private static function query( array $args ): array {
		$query = array();
		foreach ( $args as $name => $value ) {
			if ( is_bool( $value ) ) {
				$query[ $name ] = $value ? '1' : '0';
			} elseif ( is_scalar( $value ) || is_array( $value ) ) {
				$query[ $name ] = $value;
			}
		}

		return $query;
	}

	/**
	 * An error as a response that no cache keeps.
	 *
	 * @param WP_Error              $error   Error with a `status`.
	 * @param array<string, string> $headers Extra headers.
	 * @return WP_REST_Response
	 */
	private static function error_response( WP_Error $error, array $headers = array() ): WP_REST_Response {
		$response = rest_convert_error_to_response( $error );
		foreach ( $headers + array( 'Cache-Control' => 'no-store' ) as $name => $value ) {
			$response->header( $name, $value );
		}

		return $response;
	}

	/**
	 * The HTTP status an error carries.
	 *
	 * @param WP_Error $error Error.
	 * @return int
	 */
	private static function status_of( WP_Error $error ): int {
		$data = $error->get_error_data();

		return is_array( $data ) && is_int( $data['status'] ?? null ) ? $data['status'] : 500;
	}
}
