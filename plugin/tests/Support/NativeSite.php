<?php
/**
 * A WordPress site served over HTTP by bin/wp-server, for tests that must go through a real web server.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use RuntimeException;

/**
 * Resets and serves a named bin/wp-server site (PHP's built-in server with 4 workers, SQLite, the plugin and
 * theme active, demo content seeded) on a free port, adds test mu-plugins, and stops it afterwards.
 */
final class NativeSite {

	/**
	 * Repository root.
	 *
	 * @var string
	 */
	private string $root;

	/**
	 * Builds the handle; start() serves the site.
	 *
	 * @param string $name Site name (a folder under .cache/sites).
	 * @param int    $port Port.
	 */
	private function __construct( public readonly string $name, public readonly int $port ) {
		$this->root = dirname( __DIR__, 3 );
	}

	/**
	 * Resets the site (fresh database, demo content) and serves it on a free port.
	 *
	 * @param string $name Site name.
	 * @return self
	 * @throws RuntimeException When the site does not start.
	 */
	public static function start( string $name ): self {
		$site = new self( $name, self::free_port() );
		// A reset keeps wp-content: drop-ins an earlier run installed would load before this run configures them.
		foreach ( array( 'advanced-cache.php', 'object-cache.php' ) as $drop_in ) {
			if ( is_file( $site->content_dir() . '/' . $drop_in ) ) {
				unlink( $site->content_dir() . '/' . $drop_in );
			}
		}
		$site->wp_server( 'reset', '--port', (string) $site->port );

		return $site;
	}

	/**
	 * The site's base URL.
	 *
	 * @return string
	 */
	public function url(): string {
		return 'http://127.0.0.1:' . $this->port;
	}

	/**
	 * The site's wp-content folder.
	 *
	 * @return string
	 */
	public function content_dir(): string {
		return $this->root . '/.cache/sites/' . $this->name . '/wp-content';
	}

	/**
	 * What the site logged to its debug.log.
	 *
	 * @return string
	 */
	public function debug_log(): string {
		$file = $this->root . '/.cache/sites/' . $this->name . '/debug.log';

		return is_file( $file ) ? (string) file_get_contents( $file ) : '';
	}

	/**
	 * Installs a must-use plugin.
	 *
	 * @param string $file_name File name, e.g. `switchboard-test.php`.
	 * @param string $code      PHP source.
	 */
	public function add_mu_plugin( string $file_name, string $code ): void {
		Site::write_file( $this->content_dir() . '/mu-plugins/' . $file_name, $code );
	}

	/**
	 * Runs PHP code with the site's WordPress loaded and returns what it prints.
	 *
	 * @param string $code PHP source (with the opening tag).
	 * @return string
	 * @throws RuntimeException When it fails.
	 */
	public function php( string $code ): string {
		$file = tempnam( sys_get_temp_dir(), 'switchboard-site-' );
		if ( false === $file ) {
			throw new RuntimeException( 'Could not create a temporary file.' );
		}
		file_put_contents( $file, $code );
		try {
			return $this->wp_server( 'php', $file );
		} finally {
			unlink( $file );
		}
	}

	/**
	 * Stops the server (the site's files stay for inspection).
	 */
	public function stop(): void {
		$this->wp_server( 'stop' );
	}

	/**
	 * Runs bin/wp-server for this site.
	 *
	 * @param string ...$args Command and arguments.
	 * @return string Standard output.
	 * @throws RuntimeException When it exits with an error.
	 */
	private function wp_server( string ...$args ): string {
		$command  = array_values( array_merge( array( $this->root . '/bin/wp-server', $args[0], '--name', $this->name ), array_slice( $args, 1 ) ) );
		$finished = Process::run( $command, $this->root );
		if ( 0 !== $finished['exit_code'] ) {
			throw new RuntimeException( 'bin/wp-server ' . implode( ' ', $args ) . " failed ({$finished['exit_code']}):\n{$finished['stdout']}\n{$finished['stderr']}" );
		}

		return $finished['stdout'];
	}

	/**
	 * A port nothing listens on.
	 *
	 * @return int
	 * @throws RuntimeException When none can be found.
	 */
	private static function free_port(): int {
		$socket = stream_socket_server( 'tcp://127.0.0.1:0' );
		if ( false === $socket ) {
			throw new RuntimeException( 'Could not find a free port.' );
		}
		$name = (string) stream_socket_get_name( $socket, false );
		fclose( $socket );

		return (int) substr( $name, (int) strrpos( $name, ':' ) + 1 );
	}
}
