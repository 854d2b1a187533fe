<?php
/**
 * What one request against a test site reported.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

/**
 * The outcome of running run-site.php in its own PHP process: exit code, whether it reached its end,
 * stray output, collected errors, the site's debug log and the values it probed.
 */
final class SiteReport {

	/**
	 * Line that precedes the JSON report; anything printed before it is stray output.
	 */
	public const MARKER = '--- switchboard site report ---';

	/**
	 * Stores the outcome.
	 *
	 * @param int                                                                 $exit_code Exit code of the process.
	 * @param bool                                                                $completed Whether the script reached its end.
	 * @param string                                                              $output    Everything printed besides the report.
	 * @param list<array{type: string, message: string, file: string, line: int}> $errors    Errors collected in the process.
	 * @param string                                                              $debug_log Contents of the site's debug log afterwards.
	 * @param array<string, mixed>                                                $data      Values probed by the script.
	 * @param string                                                              $stderr    What the process wrote to standard error.
	 */
	public function __construct(
		public readonly int $exit_code,
		public readonly bool $completed,
		public readonly string $output,
		public readonly array $errors,
		public readonly string $debug_log,
		public readonly array $data,
		public readonly string $stderr
	) {
	}

	/**
	 * Reads the JSON that run-site.php prints.
	 *
	 * @param int    $exit_code Exit code of the process.
	 * @param string $stdout    Standard output: stray output, the marker line, then the JSON report.
	 * @param string $stderr    Standard error.
	 * @return self
	 */
	public static function from_process( int $exit_code, string $stdout, string $stderr ): self {
		$position = strrpos( $stdout, "\n" . self::MARKER . "\n" );
		$report   = false === $position ? null : json_decode( substr( $stdout, $position + strlen( self::MARKER ) + 2 ), true );
		if ( false === $position || ! is_array( $report ) ) {
			return new self( $exit_code, false, $stdout, array(), '', array(), $stderr );
		}
		$stray = substr( $stdout, 0, $position );

		$errors = array();
		foreach ( is_array( $report['errors'] ?? null ) ? $report['errors'] : array() as $error ) {
			if ( is_array( $error ) ) {
				$errors[] = array(
					'type'    => self::to_string( $error['type'] ?? '' ),
					'message' => self::to_string( $error['message'] ?? '' ),
					'file'    => self::to_string( $error['file'] ?? '' ),
					'line'    => is_int( $error['line'] ?? null ) ? $error['line'] : 0,
				);
			}
		}

		$data = array();
		foreach ( is_array( $report['data'] ?? null ) ? $report['data'] : array() as $key => $value ) {
			$data[ (string) $key ] = $value;
		}

		return new self(
			$exit_code,
			isset( $report['completed'] ) && true === $report['completed'],
			$stray . self::to_string( $report['output'] ?? '' ),
			$errors,
			self::to_string( $report['debug_log'] ?? '' ),
			$data,
			$stderr
		);
	}

	/**
	 * A probed value that must be a string.
	 *
	 * @param string $key Probe name.
	 * @return string The value, or an empty string when it is missing or not a string.
	 */
	public function string( string $key ): string {
		return self::to_string( $this->data[ $key ] ?? '' );
	}

	/**
	 * A probed value that must be a list of strings.
	 *
	 * @param string $key Probe name.
	 * @return list<string>
	 */
	public function strings( string $key ): array {
		$values = $this->data[ $key ] ?? array();
		if ( ! is_array( $values ) ) {
			return array();
		}

		return array_values( array_map( array( self::class, 'to_string' ), $values ) );
	}

	/**
	 * A probed value that must be a map of strings.
	 *
	 * @param string $key Probe name.
	 * @return array<string, string>
	 */
	public function string_map( string $key ): array {
		$values = $this->data[ $key ] ?? array();
		$map    = array();
		foreach ( is_array( $values ) ? $values : array() as $name => $value ) {
			$map[ (string) $name ] = self::to_string( $value );
		}

		return $map;
	}

	/**
	 * Everything known about the run, for assertion messages.
	 *
	 * @return string
	 */
	public function describe(): string {
		return sprintf(
			"exit code %d, %s\nerrors:\n%s\noutput: %s\ndebug log: %s\nstderr: %s",
			$this->exit_code,
			$this->completed ? 'completed' : 'did not complete',
			ErrorCollector::format( $this->errors ),
			$this->output,
			$this->debug_log,
			$this->stderr
		);
	}

	/**
	 * Converts a decoded JSON scalar to a string; anything else becomes the empty string.
	 *
	 * @param mixed $value Decoded value.
	 * @return string
	 */
	private static function to_string( mixed $value ): string {
		return is_scalar( $value ) ? (string) $value : '';
	}
}
