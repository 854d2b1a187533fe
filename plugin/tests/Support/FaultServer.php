<?php
/**
 * A real local HTTP server whose failures each test chooses.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use RuntimeException;

/**
 * Starts `php -S 127.0.0.1:<free port> FaultServer/router.php` in its own folder, sets its behaviour
 * through a control file, and reads back the requests it received.
 *
 * Start it in set_up_before_class() and stop() it in tear_down_after_class(); call reset() before each test.
 * Behaviour keys (see router.php): latency_ms, status, content_type, location, body, body_size,
 * drip_ms, chunk_bytes, send_length.
 */
final class FaultServer {

	/**
	 * Builds the handle of a running server.
	 *
	 * @param resource $process Server process.
	 * @param int      $port    Port it listens on.
	 * @param string   $dir     Its control folder.
	 */
	private function __construct(
		private $process,
		public readonly int $port,
		public readonly string $dir
	) {
	}

	/**
	 * Starts a server on a free port and waits until it accepts connections.
	 *
	 * @return self
	 * @throws RuntimeException When the server does not start.
	 */
	public static function start(): self {
		$dir = sys_get_temp_dir() . '/switchboard-fault-' . bin2hex( random_bytes( 6 ) );
		if ( ! mkdir( $dir, 0700 ) ) {
			throw new RuntimeException( "Cannot create {$dir}." );
		}

		$probe = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $probe ) {
			throw new RuntimeException( 'Cannot find a free port.' );
		}
		$name = (string) stream_socket_get_name( $probe, false );
		fclose( $probe );
		$port = (int) substr( $name, (int) strrpos( $name, ':' ) + 1 );

		$env                          = getenv();
		$env['SWITCHBOARD_FAULT_DIR'] = $dir;
		unset( $env['PHP_CLI_SERVER_WORKERS'] );
		$process = proc_open(
			array( PHP_BINARY, '-n', '-S', "127.0.0.1:{$port}", __DIR__ . '/FaultServer/router.php' ),
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'file', $dir . '/server.log', 'a' ),
				2 => array( 'file', $dir . '/server.log', 'a' ),
			),
			$pipes,
			$dir,
			$env
		);
		if ( ! is_resource( $process ) ) {
			throw new RuntimeException( 'Cannot start the fault server.' );
		}

		$server = new self( $process, $port, $dir );
		$server->reset();

		$until = microtime( true ) + 5;
		while ( microtime( true ) < $until ) {
			$socket = @fsockopen( '127.0.0.1', $port, $errno, $errstr, 0.2 ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- refused until the server listens.
			if ( false !== $socket ) {
				fclose( $socket );
				return $server;
			}
			usleep( 20000 );
		}

		$server->stop();
		throw new RuntimeException( "The fault server did not listen on port {$port}." );
	}

	/**
	 * Base URL, through `localhost` (WP_HTTP_BLOCK_EXTERNAL lets the test site reach only that).
	 *
	 * @return string
	 */
	public function url(): string {
		return 'http://localhost:' . $this->port;
	}

	/**
	 * Base URL through the loopback address.
	 *
	 * @return string
	 */
	public function ip_url(): string {
		return 'http://127.0.0.1:' . $this->port;
	}

	/**
	 * Sets the behaviour of the next requests (unset keys take defaults: 200, JSON `{"ok":true}`, no delay).
	 *
	 * Changing the behaviour also ends any wait of a request still being answered.
	 *
	 * @param array<string, mixed> $behaviour Behaviour.
	 */
	public function set( array $behaviour ): void {
		$behaviour['generation'] = bin2hex( random_bytes( 8 ) );
		$file                    = $this->dir . '/control.json';
		file_put_contents( $file . '.tmp', (string) json_encode( $behaviour ) );
		rename( $file . '.tmp', $file );
	}

	/**
	 * Restores the default behaviour and forgets the requests received.
	 */
	public function reset(): void {
		$this->set( array() );
		file_put_contents( $this->dir . '/requests.log', '', LOCK_EX );
	}

	/**
	 * The requests received since the last reset.
	 *
	 * @return list<array{method: string, uri: string, headers: array<string, string>, body: string}>
	 */
	public function requests(): array {
		$requests = array();
		$lines    = file( $this->dir . '/requests.log', FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES );
		foreach ( false === $lines ? array() : $lines as $line ) {
			$request = json_decode( $line, true );
			if ( ! is_array( $request ) ) {
				continue;
			}
			$headers = array();
			foreach ( is_array( $request['headers'] ?? null ) ? $request['headers'] : array() as $name => $value ) {
				$headers[ (string) $name ] = is_scalar( $value ) ? (string) $value : '';
			}
			$requests[] = array(
				'method'  => is_string( $request['method'] ?? null ) ? $request['method'] : '',
				'uri'     => is_string( $request['uri'] ?? null ) ? $request['uri'] : '',
				'headers' => $headers,
				'body'    => is_string( $request['body'] ?? null ) ? $request['body'] : '',
			);
		}

		return $requests;
	}

	/**
	 * How many requests arrived since the last reset.
	 *
	 * @return int
	 */
	public function request_count(): int {
		return count( $this->requests() );
	}

	/**
	 * Stops the server and removes its folder.
	 */
	public function stop(): void {
		if ( is_resource( $this->process ) ) {
			$this->set( array() );
			proc_terminate( $this->process );
			proc_close( $this->process );
		}
		foreach ( (array) glob( $this->dir . '/*' ) as $file ) {
			if ( is_string( $file ) ) {
				unlink( $file );
			}
		}
		if ( is_dir( $this->dir ) ) {
			rmdir( $this->dir );
		}
	}
}
