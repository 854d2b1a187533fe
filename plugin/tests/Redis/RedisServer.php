<?php
/**
 * A private redis-server for one test class.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Redis;

use Redis;
use RuntimeException;

/**
 * Runs `redis-server` on a unix socket in a temporary folder (no TCP port, nothing written to disk), so
 * tests never touch a Redis that belongs to someone else.
 */
final class RedisServer {

	/**
	 * Starts nothing; see start().
	 *
	 * @param resource $process The server process.
	 * @param string   $socket  Its unix socket.
	 */
	private function __construct(
		private $process,
		public readonly string $socket
	) {
	}

	/**
	 * Why the Redis tests cannot run here, or null when they can.
	 *
	 * @return string|null
	 */
	public static function unavailable(): ?string {
		if ( ! class_exists( Redis::class ) ) {
			return 'the phpredis extension is not loaded (apt-get install php8.2-redis, or run bin/install-system-deps)';
		}
		if ( null === self::binary() ) {
			return 'redis-server is not installed (apt-get install redis-server, or run bin/install-system-deps)';
		}

		return null;
	}

	/**
	 * Starts a server whose socket lives in a folder of its own.
	 *
	 * @param string $dir Empty folder for the socket and the log.
	 * @return self
	 * @throws RuntimeException When it does not start or does not answer within 10 seconds.
	 */
	public static function start( string $dir ): self {
		$binary = self::binary();
		if ( null === $binary ) {
			throw new RuntimeException( 'redis-server is not installed.' );
		}
		// Unix socket paths are limited to 107 bytes.
		$socket = strlen( $dir ) > 90 ? sys_get_temp_dir() . '/switchboard-redis-' . substr( md5( $dir ), 0, 12 ) . '.sock' : $dir . '/redis.sock';

		$pipes   = array();
		$process = proc_open(
			array( $binary, '--port', '0', '--unixsocket', $socket, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no', '--dir', $dir, '--logfile', $dir . '/redis.log' ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'file', '/dev/null', 'w' ),
				2 => array( 'file', $dir . '/redis.stderr', 'w' ),
			),
			$pipes
		);
		if ( ! is_resource( $process ) ) {
			throw new RuntimeException( "Could not start {$binary}." );
		}

		$server   = new self( $process, $socket );
		$deadline = microtime( true ) + 10.0;
		while ( microtime( true ) < $deadline ) {
			if ( file_exists( $socket ) ) {
				try {
					$server->client()->ping();
					return $server;
				} catch ( \RedisException $exception ) {
					unset( $exception ); // Not accepting connections yet.
				}
			}
			if ( ! proc_get_status( $process )['running'] ) {
				break;
			}
			usleep( 20000 );
		}

		$server->stop();
		throw new RuntimeException( "redis-server did not answer on {$socket}: " . (string) @file_get_contents( $dir . '/redis.log' ) ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- the log may not exist.
	}

	/**
	 * A new, non-persistent connection.
	 *
	 * @return Redis
	 */
	public function client(): Redis {
		$redis = new Redis();
		$redis->connect( $this->socket, 0, 2.0 );
		return $redis;
	}

	/**
	 * The drop-in's settings for this server.
	 *
	 * @param string $prefix Key prefix.
	 * @return array{path: string, host: string, port: int, database: int, prefix: string, timeout: float, persistent: bool}
	 */
	public function config( string $prefix = 'test' ): array {
		return array(
			'path'       => $this->socket,
			'host'       => '',
			'port'       => 0,
			'database'   => 0,
			'prefix'     => $prefix,
			'timeout'    => 1.0,
			'persistent' => false,
		);
	}

	/**
	 * Stops the server and removes its socket.
	 */
	public function stop(): void {
		if ( is_resource( $this->process ) ) {
			proc_terminate( $this->process );
			proc_close( $this->process );
		}
		if ( file_exists( $this->socket ) ) {
			unlink( $this->socket );
		}
	}

	/**
	 * Path of redis-server, or null.
	 *
	 * @return string|null
	 */
	private static function binary(): ?string {
		foreach ( array( '/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/sbin/redis-server' ) as $candidate ) {
			if ( is_executable( $candidate ) ) {
				return $candidate;
			}
		}

		return null;
	}
}
