<?php
/**
 * Tests of the Redis object-cache drop-in's cache semantics against a real redis-server.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Redis;

use Redis;
use RuntimeException;
use stdClass;
use Switchboard\Tests\Support\TestEnvironment;
use Switchboard_Redis_Object_Cache;
use Switchboard\Tests\TestCase;

require_once dirname( __DIR__, 2 ) . '/dropins/object-cache.php';

/**
 * Drives the drop-in's cache class directly (this process already runs core's own cache, so the drop-in
 * defines only its class here); WordPress loading the drop-in for real is ObjectCacheSiteTest's part.
 */
final class ObjectCacheTest extends TestCase {

	/**
	 * The server, or null when the tests are skipped.
	 *
	 * @var RedisServer|null
	 */
	private static ?RedisServer $server = null;

	/**
	 * Starts the server once for the class.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();
		if ( null === RedisServer::unavailable() ) {
			self::$server = RedisServer::start( TestEnvironment::get()->create_temp_dir( 'redis-api' ) );
		}
	}

	/**
	 * Stops the server.
	 */
	public static function tear_down_after_class(): void {
		self::$server?->stop();
		self::$server = null;
		parent::tear_down_after_class();
	}

	/**
	 * Skips without Redis; starts each test on an empty server.
	 */
	protected function set_up(): void {
		parent::set_up();
		$reason = RedisServer::unavailable();
		if ( null !== $reason ) {
			$this->markTestSkipped( 'Redis object cache tests skipped: ' . $reason );
		}
		$this->raw()->flushAll();
	}

	/**
	 * Values come back with their types; integers are stored as plain numbers, everything else serialized.
	 */
	public function test_values_keep_their_types_and_integers_are_stored_raw(): void {
		$writer       = $this->cache();
		$object       = new stdClass();
		$values       = array(
			'int'    => 42,
			'zero'   => 0,
			'string' => '42',
			'false'  => false,
			'true'   => true,
			'null'   => null,
			'float'  => 1.5,
			'array'  => array( 'a' => array( 1, 2 ) ),
			'object' => $object,
		);
		$object->name = 'post';
		foreach ( $values as $key => $value ) {
			$this->assertTrue( $writer->set( $key, $value, 'posts' ) );
		}

		$reader = $this->cache();
		foreach ( $values as $key => $value ) {
			$found = null;
			if ( is_object( $value ) ) {
				$this->assertEquals( $value, $reader->get( $key, 'posts', false, $found ) );
			} else {
				$this->assertSame( $value, $reader->get( $key, 'posts', false, $found ), $key );
			}
			$this->assertTrue( $found, $key );
		}

		$this->assertSame( '42', $this->raw()->get( 'test:posts:1:int' ) );
		$this->assertSame( 's:2:"42";', $this->raw()->get( 'test:posts:1:string' ) );
	}

	/**
	 * A missing key is false with found false; a stored false is false with found true.
	 */
	public function test_found_flag_tells_a_stored_false_from_a_miss(): void {
		$cache = $this->cache();
		$found = null;
		$this->assertFalse( $cache->get( 'missing', 'default', false, $found ) );
		$this->assertFalse( $found );

		$cache->set( 'no', false );
		$this->assertFalse( $this->cache()->get( 'no', '', false, $found ) );
		$this->assertTrue( $found );
	}

	/**
	 * Objects are copies: changing one handed out or stored does not change the cache.
	 */
	public function test_objects_are_copied_in_and_out_of_the_runtime_cache(): void {
		$cache  = $this->cache();
		$object = new stdClass();

		$object->title = 'first';
		$cache->set( 'post', $object, 'posts' );
		$object->title = 'changed after set';

		$read = $cache->get( 'post', 'posts' );
		$this->assertInstanceOf( stdClass::class, $read );
		$this->assertSame( 'first', $read->title );
		$read->title = 'changed after get';

		$again = $cache->get( 'post', 'posts' );
		$this->assertInstanceOf( stdClass::class, $again );
		$this->assertSame( 'first', $again->title );
	}

	/**
	 * Add only writes a key that does not exist, across processes' connections (SET NX); replace only one that does.
	 */
	public function test_add_and_replace_are_conditional_in_redis(): void {
		$first  = $this->cache();
		$second = $this->cache();

		$this->assertFalse( $first->replace( 'lock', 'a' ) );
		$this->assertTrue( $first->add( 'lock', 'a' ) );
		$this->assertFalse( $second->add( 'lock', 'b' ), 'The other connection sees the key in Redis.' );
		$this->assertSame( 'a', $second->get( 'lock' ) );

		$this->assertTrue( $second->replace( 'lock', 'c' ) );
		$this->assertSame( 'c', $this->cache()->get( 'lock' ) );

		$this->assertTrue( $second->delete( 'lock' ) );
		$this->assertFalse( $second->delete( 'lock' ) );
		$this->assertTrue( $first->add( 'lock', 'd' ), 'Add is asked of Redis, not of the runtime cache.' );
	}

	/**
	 * Expirations are passed to Redis; 0 means none, and incr keeps a key's expiry.
	 */
	public function test_expirations_reach_redis(): void {
		$cache = $this->cache();
		$cache->set( 'short', 'x', 'g', 30 );
		$cache->add( 'added', 1, 'g', 60 );
		$cache->set( 'forever', 'x', 'g' );
		$cache->set_multiple( array( 'm' => 1 ), 'g', 90 );

		$ttl = fn ( string $key ): int => (int) $this->raw()->ttl( 'test:g:1:' . $key );
		$this->assertGreaterThan( 25, $ttl( 'short' ) );
		$this->assertLessThanOrEqual( 30, $ttl( 'short' ) );
		$this->assertSame( -1, $ttl( 'forever' ) );
		$this->assertGreaterThan( 85, $ttl( 'm' ) );

		$cache->incr( 'added', 5, 'g' );
		$this->assertGreaterThan( 55, $ttl( 'added' ) );

		$cache->set( 'gone', 'x', 'g', 1 );
		usleep( 1_100_000 );
		$found = null;
		$this->assertFalse( $this->cache()->get( 'gone', 'g', false, $found ) );
		$this->assertFalse( $found );
	}

	/**
	 * Incr and decr follow core's rules: false when missing, non-numbers count as 0, never below 0.
	 */
	public function test_incr_and_decr_follow_core_semantics(): void {
		$cache = $this->cache();
		$this->assertFalse( $cache->incr( 'missing' ) );
		$this->assertFalse( $this->raw()->exists( 'test:default:1:missing' ) > 0, 'A missing key is not created.' );

		$cache->set( 'n', 5 );
		$this->assertSame( 8, $cache->incr( 'n', 3 ) );
		$this->assertSame( 6, $cache->decr( 'n', 2 ) );
		$this->assertSame( 0, $cache->decr( 'n', 100 ) );
		$this->assertSame( 0, $this->cache()->get( 'n' ) );

		$cache->set( 'text', 'abc' );
		$this->assertSame( 1, $cache->incr( 'text' ) );
		$cache->set( 'numeric string', '41' );
		$this->assertSame( 42, $cache->incr( 'numeric string' ) );
	}

	/**
	 * Increments from many connections add up exactly (INCRBY is atomic in Redis).
	 */
	public function test_increments_from_many_connections_add_up(): void {
		$caches = array( $this->cache(), $this->cache(), $this->cache() );
		$caches[0]->add( 'counter', 0 );
		for ( $i = 0; $i < 30; $i++ ) {
			$caches[ $i % 3 ]->incr( 'counter' );
		}
		$this->assertSame( 30, $this->cache()->get( 'counter' ) );
		$this->assertSame( '30', $this->raw()->get( 'test:default:1:counter' ) );
	}

	/**
	 * Values read once are served from memory for the rest of the request; `force` asks Redis again.
	 */
	public function test_runtime_cache_and_force(): void {
		$cache = $this->cache();
		$cache->set( 'k', 'old' );
		$this->cache()->set( 'k', 'new' );

		$this->assertSame( 'old', $cache->get( 'k' ), 'This request keeps what it wrote.' );
		$this->assertSame( 'new', $cache->get( 'k', 'default', true ) );

		$this->raw()->set( 'test:default:1:k', 's:5:"newer";' );
		$cache->flush_runtime();
		$this->assertSame( 'newer', $cache->get( 'k' ) );
	}

	/**
	 * Non-global groups are per site; global groups are shared by every site of a network.
	 */
	public function test_global_and_per_site_groups(): void {
		$cache = $this->cache();
		$cache->add_global_groups( array( 'users' ) );
		$cache->set( 'a', 'site one', 'posts' );
		$cache->set( 'u', 'everyone', 'users' );

		$cache->switch_to_blog( 2 );
		$this->assertFalse( $cache->get( 'a', 'posts' ) );
		$this->assertSame( 'everyone', $cache->get( 'u', 'users' ) );
		$cache->set( 'a', 'site two', 'posts' );

		$cache->switch_to_blog( 1 );
		$this->assertSame( 'site one', $cache->get( 'a', 'posts' ) );
		$this->assertSame( 's:8:"everyone";', $this->raw()->get( 'test:users:global:u' ) );
		$this->assertSame( 's:8:"site two";', $this->raw()->get( 'test:posts:2:a' ) );
	}

	/**
	 * Non-persistent groups never reach Redis, but behave like a cache within the request.
	 */
	public function test_non_persistent_groups_stay_in_memory(): void {
		$cache = $this->cache();
		$cache->add_non_persistent_groups( array( 'counts' ) );
		$this->assertTrue( $cache->add( 'c', 1, 'counts' ) );
		$this->assertFalse( $cache->add( 'c', 2, 'counts' ) );
		$this->assertSame( 3, $cache->incr( 'c', 2, 'counts' ) );
		$this->assertSame( array(), $this->raw()->keys( '*' ) );

		$other = $this->cache();
		$other->add_non_persistent_groups( array( 'counts' ) );
		$this->assertFalse( $other->get( 'c', 'counts' ) );
	}

	/**
	 * The *_multiple functions report per key and go to Redis in one round trip each.
	 */
	public function test_multiple_operations(): void {
		$cache = $this->cache();
		$this->assertSame(
			array(
				'a' => true,
				'b' => true,
			),
			$cache->set_multiple(
				array(
					'a' => 1,
					'b' => array( 2 ),
				),
				'g'
			)
		);
		$this->assertSame(
			array(
				'b' => false,
				'c' => true,
			),
			$this->cache()->add_multiple(
				array(
					'b' => 'x',
					'c' => 'y',
				),
				'g'
			)
		);
		$this->assertSame(
			array(
				'a' => 1,
				'b' => array( 2 ),
				'c' => 'y',
				'd' => false,
			),
			$this->cache()->get_multiple( array( 'a', 'b', 'c', 'd' ), 'g' )
		);
		$this->assertSame(
			array(
				'a' => true,
				'd' => false,
			),
			$this->cache()->delete_multiple( array( 'a', 'd' ), 'g' )
		);
		$this->assertSame( array( 'a' => false ), $this->cache()->get_multiple( array( 'a' ), 'g' ) );
	}

	/**
	 * Flushing a group removes it on every site and nothing else; a flush removes only this prefix's keys.
	 */
	public function test_flush_group_and_flush(): void {
		$cache = $this->cache();
		$cache->set( 'x', 1, 'doomed' );
		$cache->switch_to_blog( 3 );
		$cache->set( 'x', 1, 'doomed' );
		$cache->set( 'x', 1, 'doomed:not' );
		$cache->set( 'x', 1, 'kept' );
		$this->raw()->set( 'other-site:kept:1:x', '1' );

		$this->assertTrue( $cache->flush_group( 'doomed' ) );
		$this->assertFalse( $cache->get( 'x', 'doomed' ) );
		$this->assertEqualsCanonicalizing( array( 'test:doomed%3Anot:3:x', 'test:kept:3:x', 'other-site:kept:1:x' ), $this->raw()->keys( '*' ) );

		$this->assertTrue( $cache->flush() );
		$this->assertSame( array( 'other-site:kept:1:x' ), $this->raw()->keys( '*' ) );
		$this->assertFalse( $cache->get( 'x', 'kept' ) );
	}

	/**
	 * Without a server the cache still works for the request, in memory.
	 */
	public function test_unreachable_server_degrades_to_memory(): void {
		$config         = $this->server()->config();
		$config['path'] = sys_get_temp_dir() . '/switchboard-no-redis-' . getmypid() . '.sock';
		$cache          = new Switchboard_Redis_Object_Cache( $config );

		$this->assertFalse( $cache->is_connected() );
		$this->assertNotSame( '', $cache->error() );
		$this->assertTrue( $cache->add( 'a', 1 ) );
		$this->assertFalse( $cache->add( 'a', 2 ) );
		$this->assertSame( 5, $cache->incr( 'a', 4 ) );
		$this->assertSame( 5, $cache->get( 'a' ) );
		$this->assertTrue( $cache->flush() );
		$this->assertFalse( $cache->get( 'a' ) );

		$started = microtime( true );
		$again   = new Switchboard_Redis_Object_Cache( $config );
		$this->assertFalse( $again->is_connected(), 'WordPress may start the cache twice in one request.' );
		$this->assertSame( $cache->error(), $again->error(), 'The second start does not try again.' );
		$this->assertLessThan( 0.05, microtime( true ) - $started );
	}

	/**
	 * A connection lost in the middle of a request: the rest of the request runs on memory, WordPress is
	 * told there is no persistent cache any more, and the debug log gets one line.
	 */
	public function test_connection_lost_mid_request_degrades_to_memory(): void {
		$dir    = TestEnvironment::get()->create_temp_dir( 'redis-lost' );
		$server = RedisServer::start( $dir );
		$log    = $dir . '/error.log';
		$before = (string) ini_get( 'error_log' );
		ini_set( 'error_log', $log ); // phpcs:ignore WordPress.PHP.IniSet.Risky -- keeps the line out of the test site's log.
		$using = wp_using_ext_object_cache( true );
		try {
			$cache = new Switchboard_Redis_Object_Cache( $server->config() );
			$this->assertTrue( $cache->set( 'kept', 'value' ) );
			$server->stop();

			$found = null;
			$this->assertFalse( $cache->get( 'never-read', 'default', false, $found ) );
			$this->assertFalse( $found );
			$this->assertFalse( $cache->is_connected() );
			$this->assertFalse( wp_using_ext_object_cache(), 'The gateway falls back to its database paths.' );
			$this->assertSame( 'value', $cache->get( 'kept' ), 'What the request already had stays.' );
			$this->assertTrue( $cache->set( 'new', 1 ) );
			$this->assertSame( 2, $cache->incr( 'new' ) );
		} finally {
			wp_using_ext_object_cache( $using );
			ini_set( 'error_log', $before ); // phpcs:ignore WordPress.PHP.IniSet.Risky -- restores the setting.
			$server->stop();
		}
		$this->assertStringContainsString( 'Switchboard Redis object cache: lost the connection to Redis', (string) file_get_contents( $log ) );
	}

	/**
	 * A cache connected to the test server, as a new request would have.
	 *
	 * @return Switchboard_Redis_Object_Cache
	 */
	private function cache(): Switchboard_Redis_Object_Cache {
		$cache = new Switchboard_Redis_Object_Cache( $this->server()->config() );
		$this->assertTrue( $cache->is_connected(), $cache->error() );
		return $cache;
	}

	/**
	 * A plain connection to look at what is stored.
	 *
	 * @return Redis
	 */
	private function raw(): Redis {
		return $this->server()->client();
	}

	/**
	 * The server.
	 *
	 * @return RedisServer
	 * @throws RuntimeException When it was not started.
	 */
	private function server(): RedisServer {
		if ( null === self::$server ) {
			throw new RuntimeException( 'Redis is not running.' );
		}
		return self::$server;
	}
}
