<?php
/**
 * Child processes for tests: PHP workers, bin/wp-server.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

use RuntimeException;

/**
 * Starts a command with its output captured, waits for it, and reads the JSON result a worker prints last.
 * The one place tests spawn processes, so every concurrency test starts and reads its workers the same way.
 */
final class Process {

	/**
	 * Starts a command (without a shell) with standard output and error captured.
	 *
	 * @param list<string> $command Program and arguments.
	 * @param string|null  $cwd     Working directory.
	 * @return array{process: resource, stdout: resource, stderr: resource}
	 * @throws RuntimeException When the process cannot start.
	 */
	public static function start( array $command, ?string $cwd = null ): array {
		$pipes   = array();
		$process = proc_open(
			$command,
			array(
				0 => array( 'file', '/dev/null', 'r' ),
				1 => array( 'pipe', 'w' ),
				2 => array( 'pipe', 'w' ),
			),
			$pipes,
			$cwd
		);
		if ( ! is_resource( $process ) ) {
			throw new RuntimeException( 'Could not start ' . ( $command[0] ?? 'a process' ) );
		}

		return array(
			'process' => $process,
			'stdout'  => $pipes[1],
			'stderr'  => $pipes[2],
		);
	}

	/**
	 * Waits for a started process and returns its exit code and output.
	 *
	 * @param array{process: resource, stdout: resource, stderr: resource} $running The process.
	 * @return array{exit_code: int, stdout: string, stderr: string}
	 */
	public static function finish( array $running ): array {
		$stdout = (string) stream_get_contents( $running['stdout'] );
		$stderr = (string) stream_get_contents( $running['stderr'] );
		fclose( $running['stdout'] );
		fclose( $running['stderr'] );

		return array(
			'exit_code' => proc_close( $running['process'] ),
			'stdout'    => $stdout,
			'stderr'    => $stderr,
		);
	}

	/**
	 * Runs a command to the end.
	 *
	 * @param list<string> $command Program and arguments.
	 * @param string|null  $cwd     Working directory.
	 * @return array{exit_code: int, stdout: string, stderr: string}
	 */
	public static function run( array $command, ?string $cwd = null ): array {
		return self::finish( self::start( $command, $cwd ) );
	}

	/**
	 * The JSON object on the last non-empty line of a worker's output, or null.
	 *
	 * @param string $stdout Output.
	 * @return array<mixed>|null
	 */
	public static function last_json( string $stdout ): ?array {
		$lines  = array_values( array_filter( explode( "\n", trim( $stdout ) ) ) );
		$result = json_decode( (string) end( $lines ), true );

		return is_array( $result ) ? $result : null;
	}
}
