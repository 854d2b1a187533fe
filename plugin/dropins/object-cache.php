<?php
/**
 * Redis object cache drop-in for WordPress, over the phpredis extension.
 *
 * Copy or link this file to wp-content/object-cache.php. Configuration (constants in wp-config.php):
 * - WP_REDIS_PATH     unix socket path; when set, HOST and PORT are ignored
 * - WP_REDIS_HOST     host name or address (default 127.0.0.1)
 * - WP_REDIS_PORT     TCP port (default 6379)
 * - WP_REDIS_DATABASE database number (default 0)
 * - WP_REDIS_PREFIX   key prefix, so sites can share a server (default `DB_NAME:$table_prefix`)
 * - WP_REDIS_TIMEOUT  connect and read timeout in seconds (default 1)
 * - WP_REDIS_PERSISTENT false for a new connection per request (default true: one per PHP worker)
 *
 * Why it exists: Switchboard's gateway shares its response cache, rate limits and circuit state through
 * the object cache when the site has a persistent one, and no maintained Redis drop-in can be installed
 * where the project is built (no wordpress.org, a partial Packagist). It is small on purpose: every call
 * goes to Redis except for values already read or written in this request (the runtime cache);
 * wp_cache_add() is SET NX and wp_cache_incr()/decr() a server-side script, so both are atomic across
 * PHP processes; integers are stored as plain numbers (so INCRBY works), everything else serialized.
 * When Redis cannot be reached, the request runs on an in-memory cache and wp_using_ext_object_cache()
 * says false, so code that needs shared state (the gateway) takes its database paths instead.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

// phpcs:disable WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- a drop-in defines WordPress's own wp_cache_*() functions.
// phpcs:disable WordPress.PHP.DiscouragedPHPFunctions.serialize_serialize, WordPress.PHP.DiscouragedPHPFunctions.serialize_unserialize -- the cache stores PHP values, objects included, as core's cache does; only this site writes to its keys.

if ( ! class_exists( 'Switchboard_Redis_Object_Cache' ) ) {

	/**
	 * The object cache: a runtime array in front of Redis, and only the runtime array for non-persistent
	 * groups or when Redis is unreachable.
	 */
	final class Switchboard_Redis_Object_Cache {

		/**
		 * Adds to a number atomically, the way core's cache does: false for a missing key, a value that is
		 * not a number counts as 0, and the result never goes below 0. Keeps the key's expiry.
		 */
		private const INCR_SCRIPT = <<<'LUA'
local value = redis.call('GET', KEYS[1])
if not value then
	return false
end
if not string.match(value, '^%-?%d+$') then
	local number = string.match(value, '^i:(%-?%d+);$') or string.match(value, '^s:%d+:"(%-?%d+)";$') or '0'
	redis.call('SET', KEYS[1], number, 'KEEPTTL')
end
local result = redis.call('INCRBY', KEYS[1], ARGV[1])
if result < 0 then
	redis.call('SET', KEYS[1], 0, 'KEEPTTL')
	result = 0
end
return result
LUA;

		/**
		 * Keys per SCAN step and per UNLINK when flushing.
		 */
		private const SCAN_COUNT = 500;

		/**
		 * The connection, or null when Redis is not in use.
		 *
		 * @var Redis|null
		 */
		private ?Redis $redis = null;

		/**
		 * Why Redis is not in use, or an empty string.
		 *
		 * @var string
		 */
		private string $error = '';

		/**
		 * Key prefix, ending in a colon.
		 *
		 * @var string
		 */
		private string $prefix;

		/**
		 * Values read or written in this request, by group and scoped key.
		 *
		 * @var array<string, array<string, mixed>>
		 */
		private array $cache = array();

		/**
		 * Groups shared by every site of a network.
		 *
		 * @var array<string, true>
		 */
		private array $global_groups = array();

		/**
		 * Groups kept only for the request.
		 *
		 * @var array<string, true>
		 */
		private array $non_persistent_groups = array();

		/**
		 * The current site's ID: part of the keys of non-global groups.
		 *
		 * @var int
		 */
		private int $blog_id;

		/**
		 * Servers found unreachable in this request, with the reason: WordPress initializes the cache twice
		 * when advanced-cache.php starts it early, and a server that does not answer must not cost its
		 * timeout twice.
		 *
		 * @var array<string, string>
		 */
		private static array $unreachable = array();

		/**
		 * Reads served from this request's memory.
		 *
		 * @var int
		 */
		public int $cache_hits = 0;

		/**
		 * Reads that found nothing.
		 *
		 * @var int
		 */
		public int $cache_misses = 0;

		/**
		 * Connects, or notes why it could not.
		 *
		 * @param array{path: string, host: string, port: int, database: int, prefix: string, timeout: float, persistent: bool} $config Connection settings.
		 */
		public function __construct( array $config ) {
			$this->prefix  = $config['prefix'] . ':';
			$this->blog_id = function_exists( 'get_current_blog_id' ) ? get_current_blog_id() : 1;

			if ( ! class_exists( 'Redis' ) ) {
				$this->error = 'the phpredis extension is not loaded';
				return;
			}

			$target  = '' !== $config['path'] ? $config['path'] : $config['host'];
			$port    = '' !== $config['path'] ? 0 : $config['port'];
			$address = "{$target}:{$port}:{$config['database']}";
			if ( isset( self::$unreachable[ $address ] ) ) {
				$this->error = self::$unreachable[ $address ];
				return;
			}

			try {
				$redis = new Redis();
				// Persistent per PHP worker: php-fpm reuses the connection for every request it serves.
				$connected = $config['persistent']
					? $redis->pconnect( $target, $port, $config['timeout'], "switchboard:{$address}" )
					: $redis->connect( $target, $port, $config['timeout'] );
				if ( ! $connected ) {
					$this->error = "could not connect to {$target}";
				} else {
					$redis->setOption( Redis::OPT_READ_TIMEOUT, (string) $config['timeout'] );
					if ( 0 !== $config['database'] && ! $redis->select( $config['database'] ) ) {
						$this->error = "could not select database {$config['database']}";
					} else {
						$this->redis = $redis;
					}
				}
			} catch ( RedisException $exception ) {
				$this->error = $exception->getMessage();
			}
			if ( null === $this->redis ) {
				self::$unreachable[ $address ] = $this->error;
			}
		}

		/**
		 * Connection settings from the WP_REDIS_* constants.
		 *
		 * @return array{path: string, host: string, port: int, database: int, prefix: string, timeout: float, persistent: bool}
		 */
		public static function config_from_constants(): array {
			$constant = static fn ( string $name, mixed $fallback ): mixed => defined( $name ) ? constant( $name ) : $fallback;
			$scalar   = static fn ( mixed $value ): string => is_scalar( $value ) ? (string) $value : '';
			$table    = $GLOBALS['table_prefix'] ?? '';
			$default  = $scalar( $constant( 'DB_NAME', 'WordPress' ) ) . ':' . $scalar( $table );

			return array(
				'path'       => $scalar( $constant( 'WP_REDIS_PATH', '' ) ),
				'host'       => $scalar( $constant( 'WP_REDIS_HOST', '127.0.0.1' ) ),
				'port'       => (int) $scalar( $constant( 'WP_REDIS_PORT', 6379 ) ),
				'database'   => (int) $scalar( $constant( 'WP_REDIS_DATABASE', 0 ) ),
				'prefix'     => $scalar( $constant( 'WP_REDIS_PREFIX', $default ) ),
				'timeout'    => max( 0.01, (float) $scalar( $constant( 'WP_REDIS_TIMEOUT', 1 ) ) ),
				'persistent' => (bool) $constant( 'WP_REDIS_PERSISTENT', true ),
			);
		}

		/**
		 * Whether values persist in Redis.
		 *
		 * @return bool
		 */
		public function is_connected(): bool {
			return null !== $this->redis;
		}

		/**
		 * Why Redis is not in use, or an empty string.
		 *
		 * @return string
		 */
		public function error(): string {
			return $this->error;
		}

		/**
		 * Writes one line to PHP's error log (the debug log), only with WP_DEBUG on and once per request.
		 *
		 * @param string $message Message.
		 */
		public static function log( string $message ): void {
			static $logged = false;
			if ( $logged || ! defined( 'WP_DEBUG' ) || ! WP_DEBUG ) {
				return;
			}
			$logged = true;
			error_log( 'Switchboard Redis object cache: ' . $message ); // phpcs:ignore WordPress.PHP.DevelopmentFunctions.error_log_error_log -- the one place a cache that fails before WordPress is up can report to.
		}

		/**
		 * Tells WordPress (and so the gateway) that there is no persistent object cache for the rest of the request.
		 */
		public static function stop_using_external_cache(): void {
			if ( ! function_exists( 'wp_using_ext_object_cache' ) ) {
				return;
			}
			// Multisite starts the object cache a second time in ms-settings.php, and with the flag off core
			// would then load its own cache.php next to this file's functions: the flag goes off after that.
			if ( is_multisite() && ! did_action( 'ms_loaded' ) ) {
				add_action( 'ms_loaded', static fn () => wp_using_ext_object_cache( false ) );
				return;
			}
			wp_using_ext_object_cache( false );
		}

		/**
		 * Adds a value if the key does not exist yet (atomically, SET NX, in Redis).
		 *
		 * @param mixed  $key    Key: an integer or a non-empty string.
		 * @param mixed  $data   Value.
		 * @param string $group  Group.
		 * @param int    $expire Seconds to keep it; 0 for no expiry.
		 * @return bool
		 */
		public function add( $key, $data, $group = 'default', $expire = 0 ): bool {
			if ( ( function_exists( 'wp_suspend_cache_addition' ) && wp_suspend_cache_addition() ) || ! $this->valid_key( $key ) ) {
				return false;
			}
			$group = self::group( $group );
			$id    = $this->scoped( $key, $group );

			if ( ! $this->persists( $group ) ) {
				if ( array_key_exists( $id, $this->cache[ $group ] ?? array() ) ) {
					return false;
				}
				$this->remember( $group, $id, $data );
				return true;
			}

			$added = $this->redis_call(
				fn ( Redis $redis ): bool => true === $redis->set( $this->redis_key( $group, $id ), self::encode( $data ), self::set_options( $expire, 'nx' ) ),
				false
			);
			if ( $added ) {
				$this->remember( $group, $id, $data );
			}
			return $added;
		}

		/**
		 * Adds several values; see add().
		 *
		 * @param array<int|string, mixed> $data   Values by key.
		 * @param string                   $group  Group.
		 * @param int                      $expire Seconds to keep them.
		 * @return array<int|string, bool>
		 */
		public function add_multiple( array $data, $group = 'default', $expire = 0 ): array {
			$results = array();
			foreach ( $data as $key => $value ) {
				$results[ $key ] = $this->add( $key, $value, $group, $expire );
			}
			return $results;
		}

		/**
		 * Replaces the value of a key that exists (SET XX in Redis).
		 *
		 * @param mixed  $key    Key: an integer or a non-empty string.
		 * @param mixed  $data   Value.
		 * @param string $group  Group.
		 * @param int    $expire Seconds to keep it; 0 for no expiry.
		 * @return bool
		 */
		public function replace( $key, $data, $group = 'default', $expire = 0 ): bool {
			if ( ! $this->valid_key( $key ) ) {
				return false;
			}
			$group = self::group( $group );
			$id    = $this->scoped( $key, $group );

			if ( ! $this->persists( $group ) ) {
				if ( ! array_key_exists( $id, $this->cache[ $group ] ?? array() ) ) {
					return false;
				}
				$this->remember( $group, $id, $data );
				return true;
			}

			$replaced = $this->redis_call(
				fn ( Redis $redis ): bool => true === $redis->set( $this->redis_key( $group, $id ), self::encode( $data ), self::set_options( $expire, 'xx' ) ),
				false
			);
			if ( $replaced ) {
				$this->remember( $group, $id, $data );
			}
			return $replaced;
		}

		/**
		 * Stores a value.
		 *
		 * @param mixed  $key    Key: an integer or a non-empty string.
		 * @param mixed  $data   Value.
		 * @param string $group  Group.
		 * @param int    $expire Seconds to keep it; 0 for no expiry.
		 * @return bool
		 */
		public function set( $key, $data, $group = 'default', $expire = 0 ): bool {
			if ( ! $this->valid_key( $key ) ) {
				return false;
			}
			$group = self::group( $group );
			$id    = $this->scoped( $key, $group );

			if ( $this->persists( $group ) ) {
				$stored = $this->redis_call(
					fn ( Redis $redis ): bool => true === $redis->set( $this->redis_key( $group, $id ), self::encode( $data ), self::set_options( $expire ) ),
					false
				);
				if ( ! $stored && null !== $this->redis ) {
					unset( $this->cache[ $group ][ $id ] );
					return false;
				}
			}
			$this->remember( $group, $id, $data );
			return true;
		}

		/**
		 * Stores several values in one round trip.
		 *
		 * @param array<int|string, mixed> $data   Values by key.
		 * @param string                   $group  Group.
		 * @param int                      $expire Seconds to keep them.
		 * @return array<int|string, bool>
		 */
		public function set_multiple( array $data, $group = 'default', $expire = 0 ): array {
			$group = self::group( $group );
			if ( ! $this->persists( $group ) ) {
				$results = array();
				foreach ( $data as $key => $value ) {
					$results[ $key ] = $this->set( $key, $value, $group, $expire );
				}
				return $results;
			}

			$valid = array();
			foreach ( $data as $key => $value ) {
				if ( $this->valid_key( $key ) ) {
					$valid[ $key ] = $value;
				}
			}
			$options = self::set_options( $expire );
			$replies = $this->pipeline(
				function ( Redis $redis ) use ( $valid, $group, $options ): void {
					foreach ( $valid as $key => $value ) {
						$redis->set( $this->redis_key( $group, $this->scoped( $key, $group ) ), self::encode( $value ), $options );
					}
				}
			);

			$results = array();
			$index   = 0;
			foreach ( $data as $key => $value ) {
				if ( ! array_key_exists( $key, $valid ) ) {
					$results[ $key ] = false;
					continue;
				}
				$results[ $key ] = true === ( $replies[ $index++ ] ?? false );
				$id              = $this->scoped( $key, $group );
				if ( $results[ $key ] ) {
					$this->remember( $group, $id, $value );
				} else {
					unset( $this->cache[ $group ][ $id ] );
				}
			}
			return $results;
		}

		/**
		 * Reads a value.
		 *
		 * @param mixed     $key   Key: an integer or a non-empty string.
		 * @param string    $group Group.
		 * @param bool      $force Skip the runtime cache and ask Redis.
		 * @param bool|null $found Set to whether the key was found.
		 * @param-out bool   $found
		 * @return mixed The value, or false.
		 */
		public function get( $key, $group = 'default', $force = false, &$found = null ) {
			$found = false;
			if ( ! $this->valid_key( $key ) ) {
				return false;
			}
			$group = self::group( $group );
			$id    = $this->scoped( $key, $group );

			if ( ( ! $force || ! $this->persists( $group ) ) && array_key_exists( $id, $this->cache[ $group ] ?? array() ) ) {
				$found = true;
				++$this->cache_hits;
				return self::copy( $this->cache[ $group ][ $id ] );
			}
			if ( ! $this->persists( $group ) ) {
				++$this->cache_misses;
				return false;
			}

			$raw = $this->redis_call( fn ( Redis $redis ): mixed => $redis->get( $this->redis_key( $group, $id ) ), false );
			if ( ! is_string( $raw ) || ! self::decode( $raw, $value ) ) {
				++$this->cache_misses;
				return false;
			}
			$found = true;
			++$this->cache_hits;
			$this->remember( $group, $id, $value );
			return $value;
		}

		/**
		 * Reads several values in one round trip.
		 *
		 * @param array<int|string> $keys  Keys.
		 * @param string            $group Group.
		 * @param bool              $force Skip the runtime cache.
		 * @return array<int|string, mixed> Values by key; false for a key not found.
		 */
		public function get_multiple( $keys, $group = 'default', $force = false ): array {
			$group  = self::group( $group );
			$values = array();
			$ask    = array();
			foreach ( $keys as $key ) {
				$values[ $key ] = false;
				if ( ! $this->valid_key( $key ) ) {
					continue;
				}
				$id = $this->scoped( $key, $group );
				if ( ( ! $force || ! $this->persists( $group ) ) && array_key_exists( $id, $this->cache[ $group ] ?? array() ) ) {
					++$this->cache_hits;
					$values[ $key ] = self::copy( $this->cache[ $group ][ $id ] );
				} elseif ( $this->persists( $group ) ) {
					$ask[ $key ] = $id;
				} else {
					++$this->cache_misses;
				}
			}
			if ( array() === $ask ) {
				return $values;
			}

			$names   = array_map( fn ( string $id ): string => $this->redis_key( $group, $id ), array_values( $ask ) );
			$replies = $this->redis_call( static fn ( Redis $redis ): mixed => $redis->mGet( $names ), false );
			$replies = is_array( $replies ) ? array_values( $replies ) : array();
			$index   = 0;
			foreach ( $ask as $key => $id ) {
				$raw = $replies[ $index++ ] ?? false;
				if ( is_string( $raw ) && self::decode( $raw, $value ) ) {
					++$this->cache_hits;
					$this->remember( $group, $id, $value );
					$values[ $key ] = $value;
				} else {
					++$this->cache_misses;
				}
			}
			return $values;
		}

		/**
		 * Deletes a key.
		 *
		 * @param mixed  $key   Key: an integer or a non-empty string.
		 * @param string $group Group.
		 * @return bool Whether it existed.
		 */
		public function delete( $key, $group = 'default' ): bool {
			if ( ! $this->valid_key( $key ) ) {
				return false;
			}
			$group  = self::group( $group );
			$id     = $this->scoped( $key, $group );
			$exists = array_key_exists( $id, $this->cache[ $group ] ?? array() );
			unset( $this->cache[ $group ][ $id ] );

			if ( ! $this->persists( $group ) ) {
				return $exists;
			}
			$deleted = $this->redis_call( fn ( Redis $redis ): mixed => $redis->del( $this->redis_key( $group, $id ) ), 0 );
			return is_int( $deleted ) && $deleted > 0;
		}

		/**
		 * Deletes several keys in one round trip.
		 *
		 * @param array<int|string> $keys  Keys.
		 * @param string            $group Group.
		 * @return array<int|string, bool> Whether each existed.
		 */
		public function delete_multiple( array $keys, $group = 'default' ): array {
			$group = self::group( $group );
			if ( ! $this->persists( $group ) ) {
				$results = array();
				foreach ( $keys as $key ) {
					$results[ $key ] = $this->delete( $key, $group );
				}
				return $results;
			}

			$valid = array();
			foreach ( $keys as $key ) {
				if ( $this->valid_key( $key ) ) {
					$valid[] = $key;
					unset( $this->cache[ $group ][ $this->scoped( $key, $group ) ] );
				}
			}
			$replies = $this->pipeline(
				function ( Redis $redis ) use ( $valid, $group ): void {
					foreach ( $valid as $key ) {
						$redis->del( $this->redis_key( $group, $this->scoped( $key, $group ) ) );
					}
				}
			);

			$results = array();
			$index   = 0;
			foreach ( $keys as $key ) {
				if ( ! in_array( $key, $valid, true ) ) {
					$results[ $key ] = false;
					continue;
				}
				$reply           = $replies[ $index++ ] ?? null;
				$results[ $key ] = is_int( $reply ) && $reply > 0;
			}
			return $results;
		}

		/**
		 * Adds to a number atomically; see INCR_SCRIPT for the rules.
		 *
		 * @param mixed  $key    Key: an integer or a non-empty string.
		 * @param int    $offset Amount; negative to subtract.
		 * @param string $group  Group.
		 * @return int|false The new value, or false when the key does not exist.
		 */
		public function incr( $key, $offset = 1, $group = 'default' ) {
			if ( ! $this->valid_key( $key ) ) {
				return false;
			}
			$group  = self::group( $group );
			$id     = $this->scoped( $key, $group );
			$offset = (int) $offset;

			if ( ! $this->persists( $group ) ) {
				if ( ! array_key_exists( $id, $this->cache[ $group ] ?? array() ) ) {
					return false;
				}
				$current                      = $this->cache[ $group ][ $id ];
				$value                        = max( 0, ( is_numeric( $current ) ? (int) $current : 0 ) + $offset );
				$this->cache[ $group ][ $id ] = $value;
				return $value;
			}

			$value = $this->redis_call(
				fn ( Redis $redis ): mixed => $redis->eval( self::INCR_SCRIPT, array( $this->redis_key( $group, $id ), $offset ), 1 ),
				false
			);
			if ( ! is_int( $value ) ) {
				unset( $this->cache[ $group ][ $id ] );
				return false;
			}
			$this->cache[ $group ][ $id ] = $value;
			return $value;
		}

		/**
		 * Subtracts from a number atomically; see incr().
		 *
		 * @param mixed  $key    Key: an integer or a non-empty string.
		 * @param int    $offset Amount.
		 * @param string $group  Group.
		 * @return int|false
		 */
		public function decr( $key, $offset = 1, $group = 'default' ) {
			return $this->incr( $key, - (int) $offset, $group );
		}

		/**
		 * Empties the cache: this site's keys in Redis (every key with the prefix) and the runtime cache.
		 *
		 * @return bool
		 */
		public function flush(): bool {
			$this->cache = array();
			if ( null === $this->redis ) {
				return true;
			}
			return $this->delete_matching( self::glob_escape( $this->prefix ) . '*' );
		}

		/**
		 * Empties only this request's memory.
		 *
		 * @return bool
		 */
		public function flush_runtime(): bool {
			$this->cache = array();
			return true;
		}

		/**
		 * Deletes every key of a group, on every site of a network.
		 *
		 * @param string $group Group.
		 * @return bool
		 */
		public function flush_group( $group ): bool {
			$group = self::group( $group );
			unset( $this->cache[ $group ] );
			if ( ! $this->persists( $group ) ) {
				return true;
			}
			return $this->delete_matching( self::glob_escape( $this->prefix . rawurlencode( $group ) . ':' ) . '*' );
		}

		/**
		 * Marks groups as shared by every site of a network.
		 *
		 * @param string|array<string> $groups Groups.
		 */
		public function add_global_groups( $groups ): void {
			foreach ( (array) $groups as $group ) {
				$this->global_groups[ (string) $group ] = true;
			}
		}

		/**
		 * Marks groups as kept only for the request.
		 *
		 * @param string|array<string> $groups Groups.
		 */
		public function add_non_persistent_groups( $groups ): void {
			foreach ( (array) $groups as $group ) {
				$this->non_persistent_groups[ (string) $group ] = true;
			}
		}

		/**
		 * Switches the site whose keys non-global groups use.
		 *
		 * @param int $blog_id Site ID.
		 */
		public function switch_to_blog( $blog_id ): void {
			$this->blog_id = (int) $blog_id;
		}

		/**
		 * Deprecated by core: re-reads the current site and forgets this request's non-global values.
		 */
		public function reset(): void {
			$this->blog_id = function_exists( 'get_current_blog_id' ) ? get_current_blog_id() : $this->blog_id;
			foreach ( array_keys( $this->cache ) as $group ) {
				if ( ! isset( $this->global_groups[ $group ] ) ) {
					unset( $this->cache[ $group ] );
				}
			}
		}

		/**
		 * Whether a group's values go to Redis.
		 *
		 * @param string $group Group.
		 * @return bool
		 */
		private function persists( string $group ): bool {
			return null !== $this->redis && ! isset( $this->non_persistent_groups[ $group ] );
		}

		/**
		 * A key's name within its group: the site's ID first, except in global groups.
		 *
		 * @param mixed  $key   Key, already checked by valid_key().
		 * @param string $group Group.
		 * @return string
		 */
		private function scoped( mixed $key, string $group ): string {
			return ( isset( $this->global_groups[ $group ] ) ? 'global' : (string) $this->blog_id ) . ':' . ( is_int( $key ) || is_string( $key ) ? (string) $key : '' );
		}

		/**
		 * The Redis key: prefix, group (encoded, so it holds no colon), scoped key.
		 *
		 * @param string $group Group.
		 * @param string $id    Scoped key.
		 * @return string
		 */
		private function redis_key( string $group, string $id ): string {
			return $this->prefix . rawurlencode( $group ) . ':' . $id;
		}

		/**
		 * Keeps a value for the rest of the request (a copy of an object, as core's cache does).
		 *
		 * @param string $group Group.
		 * @param string $id    Scoped key.
		 * @param mixed  $data  Value.
		 */
		private function remember( string $group, string $id, mixed $data ): void {
			$this->cache[ $group ][ $id ] = self::copy( $data );
		}

		/**
		 * Checks a key as core's cache does: an integer or a non-empty string.
		 *
		 * @param mixed $key Key.
		 * @return bool
		 */
		private function valid_key( mixed $key ): bool {
			if ( is_int( $key ) || ( is_string( $key ) && '' !== trim( $key ) ) ) {
				return true;
			}
			if ( function_exists( '_doing_it_wrong' ) ) {
				_doing_it_wrong(
					esc_html( __CLASS__ ),
					is_string( $key ) ? 'Cache key must not be an empty string.' : esc_html( sprintf( 'Cache key must be an integer or a non-empty string, %s given.', gettype( $key ) ) ),
					'6.1.0'
				);
			}
			return false;
		}

		/**
		 * Runs a command; a lost connection turns the rest of the request into a runtime-only cache.
		 *
		 * @template T
		 * @param callable(Redis): T $command  Command.
		 * @param T                  $fallback Result when Redis is not in use or fails.
		 * @return T
		 */
		private function redis_call( callable $command, mixed $fallback ): mixed {
			if ( null === $this->redis ) {
				return $fallback;
			}
			try {
				return $command( $this->redis );
			} catch ( RedisException $exception ) {
				$this->lost( $exception );
				return $fallback;
			}
		}

		/**
		 * Sends commands in one round trip.
		 *
		 * @param callable(Redis): void $commands Queues the commands.
		 * @return list<mixed> The replies, in order.
		 */
		private function pipeline( callable $commands ): array {
			$replies = $this->redis_call(
				static function ( Redis $redis ) use ( $commands ): mixed {
					$redis->multi( Redis::PIPELINE );
					$commands( $redis );
					return $redis->exec();
				},
				array()
			);
			return is_array( $replies ) ? array_values( $replies ) : array();
		}

		/**
		 * Deletes every key matching a pattern, a batch at a time (SCAN, then UNLINK).
		 *
		 * @param string $pattern Glob pattern.
		 * @return bool
		 */
		private function delete_matching( string $pattern ): bool {
			return $this->redis_call(
				static function ( Redis $redis ) use ( $pattern ): bool {
					$iterator = null;
					$redis->setOption( Redis::OPT_SCAN, (string) Redis::SCAN_RETRY );
					do {
						$keys = $redis->scan( $iterator, $pattern, self::SCAN_COUNT );
						if ( is_array( $keys ) && array() !== $keys ) {
							$redis->unlink( $keys );
						}
					} while ( 0 !== $iterator && null !== $iterator && false !== $keys );
					return true;
				},
				false
			);
		}

		/**
		 * Forgets the connection after an error, once, and says so in the debug log.
		 *
		 * @param RedisException $exception The error.
		 */
		private function lost( RedisException $exception ): void {
			$this->redis = null;
			$this->error = $exception->getMessage();
			self::log( 'lost the connection to Redis (' . $this->error . '); the rest of this request uses memory only' );
			self::stop_using_external_cache();
		}

		/**
		 * SET's options for an expiry and a condition.
		 *
		 * @param mixed  $expire    Seconds; 0 or less for no expiry.
		 * @param string $condition `nx`, `xx` or empty.
		 * @return array<int|string, int|string>
		 */
		private static function set_options( mixed $expire, string $condition = '' ): array {
			$options = array();
			if ( '' !== $condition ) {
				$options[] = $condition;
			}
			$seconds = is_numeric( $expire ) ? (int) $expire : 0;
			if ( $seconds > 0 ) {
				$options['ex'] = $seconds;
			}
			return $options;
		}

		/**
		 * The stored form: integers as plain numbers (so INCRBY works on them), anything else serialized.
		 *
		 * @param mixed $data Value.
		 * @return string
		 */
		private static function encode( mixed $data ): string {
			return is_int( $data ) ? (string) $data : serialize( $data );
		}

		/**
		 * Reads the stored form back.
		 *
		 * @param string $raw   Stored form.
		 * @param mixed  $value Set to the value.
		 * @return bool False when the stored form cannot be read (treated as a miss).
		 * @param-out mixed $value
		 */
		private static function decode( string $raw, mixed &$value ): bool {
			if ( 1 === preg_match( '/^-?\d+$/', $raw ) ) {
				$value = (int) $raw;
				return true;
			}
			if ( 'b:0;' === $raw ) {
				$value = false;
				return true;
			}
			$value = @unserialize( $raw ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a corrupt entry is a miss, not a warning.
			return false !== $value;
		}

		/**
		 * A copy of a value to hand out or keep, so callers cannot change the cached object.
		 *
		 * @param mixed $data Value.
		 * @return mixed
		 */
		private static function copy( mixed $data ): mixed {
			return is_object( $data ) ? clone $data : $data;
		}

		/**
		 * Group name, `default` for an empty one.
		 *
		 * @param mixed $group Group.
		 * @return string
		 */
		private static function group( mixed $group ): string {
			return is_scalar( $group ) && '' !== (string) $group ? (string) $group : 'default';
		}

		/**
		 * Escapes glob characters for SCAN's MATCH.
		 *
		 * @param string $text Literal text.
		 * @return string
		 */
		private static function glob_escape( string $text ): string {
			return (string) preg_replace( '/([*?\[\]\\\\^-])/', '\\\\$1', $text );
		}
	}
}

// The functions exist only when no other object cache has defined them; the class can be loaded on its own
// (the tests do), and WordPress loads this file before any cache functions exist.
if ( ! function_exists( 'wp_cache_init' ) ) {

	/**
	 * The cache object.
	 *
	 * @return Switchboard_Redis_Object_Cache
	 */
	function switchboard_object_cache(): Switchboard_Redis_Object_Cache {
		if ( ! ( $GLOBALS['wp_object_cache'] ?? null ) instanceof Switchboard_Redis_Object_Cache ) {
			wp_cache_init();
		}
		$cache = $GLOBALS['wp_object_cache'];
		assert( $cache instanceof Switchboard_Redis_Object_Cache );
		return $cache;
	}

	/**
	 * Connects to Redis. When it cannot, the request runs on memory only and WordPress is told there is no
	 * persistent object cache.
	 */
	function wp_cache_init(): void {
		$cache = new Switchboard_Redis_Object_Cache( Switchboard_Redis_Object_Cache::config_from_constants() );

		$GLOBALS['wp_object_cache'] = $cache; // phpcs:ignore WordPress.WP.GlobalVariablesOverride.Prohibited -- the drop-in's job is to set WordPress's cache object.
		if ( $cache->is_connected() ) {
			wp_using_ext_object_cache( true );
			return;
		}

		Switchboard_Redis_Object_Cache::log( 'Redis is unreachable (' . $cache->error() . '); this request uses memory only' );
		Switchboard_Redis_Object_Cache::stop_using_external_cache();
	}

	/**
	 * Adds a value if the key does not exist (atomic).
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds; 0 for no expiry.
	 * @return bool
	 */
	function wp_cache_add( $key, $data, $group = '', $expire = 0 ) {
		return switchboard_object_cache()->add( $key, $data, $group, (int) $expire );
	}

	/**
	 * Adds several values.
	 *
	 * @param array<int|string, mixed> $data   Values by key.
	 * @param string                   $group  Group.
	 * @param int                      $expire Seconds; 0 for no expiry.
	 * @return array<int|string, bool>
	 */
	function wp_cache_add_multiple( array $data, $group = '', $expire = 0 ) {
		return switchboard_object_cache()->add_multiple( $data, $group, (int) $expire );
	}

	/**
	 * Replaces an existing value.
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds; 0 for no expiry.
	 * @return bool
	 */
	function wp_cache_replace( $key, $data, $group = '', $expire = 0 ) {
		return switchboard_object_cache()->replace( $key, $data, $group, (int) $expire );
	}

	/**
	 * Stores a value.
	 *
	 * @param int|string $key    Key.
	 * @param mixed      $data   Value.
	 * @param string     $group  Group.
	 * @param int        $expire Seconds; 0 for no expiry.
	 * @return bool
	 */
	function wp_cache_set( $key, $data, $group = '', $expire = 0 ) {
		return switchboard_object_cache()->set( $key, $data, $group, (int) $expire );
	}

	/**
	 * Stores several values.
	 *
	 * @param array<int|string, mixed> $data   Values by key.
	 * @param string                   $group  Group.
	 * @param int                      $expire Seconds; 0 for no expiry.
	 * @return array<int|string, bool>
	 */
	function wp_cache_set_multiple( array $data, $group = '', $expire = 0 ) {
		return switchboard_object_cache()->set_multiple( $data, $group, (int) $expire );
	}

	/**
	 * Reads a value.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @param bool       $force Skip the runtime cache.
	 * @param bool|null  $found Set to whether it was found.
	 * @return mixed The value, or false.
	 */
	function wp_cache_get( $key, $group = '', $force = false, &$found = null ) {
		return switchboard_object_cache()->get( $key, $group, (bool) $force, $found );
	}

	/**
	 * Reads several values.
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @param bool              $force Skip the runtime cache.
	 * @return array<int|string, mixed>
	 */
	function wp_cache_get_multiple( $keys, $group = '', $force = false ) {
		return switchboard_object_cache()->get_multiple( $keys, $group, (bool) $force );
	}

	/**
	 * Deletes a value.
	 *
	 * @param int|string $key   Key.
	 * @param string     $group Group.
	 * @return bool
	 */
	function wp_cache_delete( $key, $group = '' ) {
		return switchboard_object_cache()->delete( $key, $group );
	}

	/**
	 * Deletes several values.
	 *
	 * @param array<int|string> $keys  Keys.
	 * @param string            $group Group.
	 * @return array<int|string, bool>
	 */
	function wp_cache_delete_multiple( array $keys, $group = '' ) {
		return switchboard_object_cache()->delete_multiple( $keys, $group );
	}

	/**
	 * Adds to a number (atomic).
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount.
	 * @param string     $group  Group.
	 * @return int|false
	 */
	function wp_cache_incr( $key, $offset = 1, $group = '' ) {
		return switchboard_object_cache()->incr( $key, (int) $offset, $group );
	}

	/**
	 * Subtracts from a number (atomic).
	 *
	 * @param int|string $key    Key.
	 * @param int        $offset Amount.
	 * @param string     $group  Group.
	 * @return int|false
	 */
	function wp_cache_decr( $key, $offset = 1, $group = '' ) {
		return switchboard_object_cache()->decr( $key, (int) $offset, $group );
	}

	/**
	 * Deletes every key of this site's prefix.
	 *
	 * @return bool
	 */
	function wp_cache_flush() {
		return switchboard_object_cache()->flush();
	}

	/**
	 * Forgets what this request read or wrote.
	 *
	 * @return bool
	 */
	function wp_cache_flush_runtime() {
		return switchboard_object_cache()->flush_runtime();
	}

	/**
	 * Deletes every key of a group.
	 *
	 * @param string $group Group.
	 * @return bool
	 */
	function wp_cache_flush_group( $group ) {
		return switchboard_object_cache()->flush_group( $group );
	}

	/**
	 * Whether the cache supports an optional feature; this one supports them all.
	 *
	 * @param string $feature Feature name.
	 * @return bool
	 */
	function wp_cache_supports( $feature ) {
		return in_array( $feature, array( 'add_multiple', 'set_multiple', 'get_multiple', 'delete_multiple', 'flush_runtime', 'flush_group' ), true );
	}

	/**
	 * Keeps the (persistent) connection for the PHP worker's next request.
	 *
	 * @return bool
	 */
	function wp_cache_close() {
		return true;
	}

	/**
	 * Marks groups as shared by the sites of a network.
	 *
	 * @param string|array<string> $groups Groups.
	 */
	function wp_cache_add_global_groups( $groups ): void {
		switchboard_object_cache()->add_global_groups( $groups );
	}

	/**
	 * Marks groups as kept only for the request.
	 *
	 * @param string|array<string> $groups Groups.
	 */
	function wp_cache_add_non_persistent_groups( $groups ): void {
		switchboard_object_cache()->add_non_persistent_groups( $groups );
	}

	/**
	 * Switches the site whose keys are used.
	 *
	 * @param int $blog_id Site ID.
	 */
	function wp_cache_switch_to_blog( $blog_id ): void {
		switchboard_object_cache()->switch_to_blog( (int) $blog_id );
	}

	/**
	 * Deprecated: use wp_cache_switch_to_blog().
	 */
	function wp_cache_reset(): void {
		_deprecated_function( __FUNCTION__, '3.5.0', 'wp_cache_switch_to_blog()' );
		switchboard_object_cache()->reset();
	}
}
