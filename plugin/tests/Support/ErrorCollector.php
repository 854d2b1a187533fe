<?php
/**
 * Collects PHP errors and WordPress "doing it wrong" and deprecation reports.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

/**
 * Records every notice, warning and deprecation a run raises, so that tests can fail on them.
 *
 * PHP errors come through an error handler; WordPress's `_doing_it_wrong()` and `_deprecated_*()` reports
 * come through their `*_run` actions as well, because a plugin may switch their `trigger_error()` off with a
 * filter. Errors silenced with `@` are left to PHP, as PHPUnit does. Entries are claimed by whoever reports
 * them (a test's tear-down, the bootstrap), so each one is reported once.
 */
final class ErrorCollector {

	/**
	 * Names of PHP error levels.
	 */
	private const LEVELS = array(
		E_WARNING           => 'E_WARNING',
		E_NOTICE            => 'E_NOTICE',
		E_USER_ERROR        => 'E_USER_ERROR',
		E_USER_WARNING      => 'E_USER_WARNING',
		E_USER_NOTICE       => 'E_USER_NOTICE',
		E_RECOVERABLE_ERROR => 'E_RECOVERABLE_ERROR',
		E_DEPRECATED        => 'E_DEPRECATED',
		E_USER_DEPRECATED   => 'E_USER_DEPRECATED',
	);

	/**
	 * WordPress actions that report misuse, with the number of arguments each passes.
	 */
	private const WORDPRESS_ACTIONS = array(
		'doing_it_wrong_run'         => 3,
		'deprecated_function_run'    => 3,
		'deprecated_argument_run'    => 3,
		'deprecated_class_run'       => 3,
		'deprecated_constructor_run' => 3,
		'deprecated_file_included'   => 4,
		'deprecated_hook_run'        => 4,
	);

	/**
	 * Everything recorded so far.
	 *
	 * @var list<array{type: string, message: string, file: string, line: int}>
	 */
	private array $entries = array();

	/**
	 * How many entries have been claimed.
	 *
	 * @var int
	 */
	private int $claimed = 0;

	/**
	 * Installs the PHP error handler.
	 */
	public function start(): void {
		set_error_handler( array( $this, 'handle_error' ) );
	}

	/**
	 * Removes the PHP error handler.
	 */
	public function stop(): void {
		restore_error_handler();
	}

	/**
	 * Listens to WordPress's misuse reports; before WordPress loads, the listeners are queued in
	 * `$wp_filter`, which WordPress turns into hooks when it starts (as its own test suite does).
	 */
	public function listen_to_wordpress(): void {
		foreach ( self::WORDPRESS_ACTIONS as $action => $arguments ) {
			$callback = array( $this, 'record_wordpress_report' );
			if ( function_exists( 'add_action' ) ) {
				add_action( $action, $callback, 10, $arguments );
				continue;
			}

			self::queue_hook( $action, $callback, $arguments );
		}
	}

	/**
	 * Queues a callback in `$wp_filter` before WordPress loads; WordPress turns the queue into hooks when it
	 * starts, the way its own test suite adds filters early.
	 *
	 * @param string   $hook          Hook name.
	 * @param callable $callback      Callback.
	 * @param int      $accepted_args Number of arguments the callback takes.
	 */
	public static function queue_hook( string $hook, callable $callback, int $accepted_args ): void {
		$queue       = is_array( $GLOBALS['wp_filter'] ?? null ) ? $GLOBALS['wp_filter'] : array();
		$priorities  = is_array( $queue[ $hook ] ?? null ) ? $queue[ $hook ] : array();
		$callbacks   = is_array( $priorities[10] ?? null ) ? $priorities[10] : array();
		$callbacks[] = array(
			'function'      => $callback,
			'accepted_args' => $accepted_args,
		);

		$priorities[10]       = $callbacks;
		$queue[ $hook ]       = $priorities;
		$GLOBALS['wp_filter'] = $queue;
	}

	/**
	 * Records a PHP error (the error handler).
	 *
	 * @param int    $level   Error level.
	 * @param string $message Error message.
	 * @param string $file    File that raised it.
	 * @param int    $line    Line that raised it.
	 * @return bool False for silenced errors, so PHP handles them as it would; true otherwise.
	 */
	public function handle_error( int $level, string $message, string $file = '', int $line = 0 ): bool {
		if ( 0 === ( error_reporting() & $level ) ) {
			return false;
		}

		$this->entries[] = array(
			'type'    => self::LEVELS[ $level ] ?? 'E_' . $level,
			'message' => $message,
			'file'    => $file,
			'line'    => $line,
		);
		return true;
	}

	/**
	 * Records a `doing_it_wrong_run` or `deprecated_*` action.
	 *
	 * @param mixed ...$arguments The action's arguments: the function, class, file or hook first.
	 */
	public function record_wordpress_report( mixed ...$arguments ): void {
		$subject = $arguments[0] ?? '';
		$details = array();
		foreach ( array_slice( $arguments, 1 ) as $argument ) {
			if ( is_scalar( $argument ) && '' !== (string) $argument ) {
				$details[] = (string) $argument;
			}
		}

		$caller          = $this->first_caller_outside_wordpress();
		$this->entries[] = array(
			'type'    => (string) current_action(),
			'message' => ( is_scalar( $subject ) ? (string) $subject : '' ) . ': ' . implode( ' | ', $details ),
			'file'    => $caller['file'],
			'line'    => $caller['line'],
		);
	}

	/**
	 * Adds an entry by hand, e.g. one read from another process.
	 *
	 * @param array{type: string, message: string, file: string, line: int} $entry The entry.
	 */
	public function add( array $entry ): void {
		$this->entries[] = $entry;
	}

	/**
	 * Returns the entries nobody has claimed yet and marks them claimed.
	 *
	 * @return list<array{type: string, message: string, file: string, line: int}>
	 */
	public function claim(): array {
		$unclaimed     = array_slice( $this->entries, $this->claimed );
		$this->claimed = count( $this->entries );
		return $unclaimed;
	}

	/**
	 * Every entry recorded so far, claimed or not.
	 *
	 * @return list<array{type: string, message: string, file: string, line: int}>
	 */
	public function all(): array {
		return $this->entries;
	}

	/**
	 * Formats entries one per line, for failure messages.
	 *
	 * @param list<array{type: string, message: string, file: string, line: int}> $entries Entries.
	 * @return string
	 */
	public static function format( array $entries ): string {
		$lines = array();
		foreach ( $entries as $entry ) {
			$message = function_exists( 'wp_strip_all_tags' ) ? wp_strip_all_tags( $entry['message'] ) : $entry['message'];
			$lines[] = sprintf( '%s: %s (%s:%d)', $entry['type'], $message, $entry['file'], $entry['line'] );
		}

		return implode( "\n", $lines );
	}

	/**
	 * The file and line that called into WordPress's misuse report, skipping WordPress and this class.
	 *
	 * @return array{file: string, line: int}
	 */
	private function first_caller_outside_wordpress(): array {
		$abspath = defined( 'ABSPATH' ) ? ABSPATH : "\0";
		foreach ( debug_backtrace( DEBUG_BACKTRACE_IGNORE_ARGS ) as $frame ) {
			$file = $frame['file'] ?? '';
			if ( '' !== $file && __FILE__ !== $file && ! str_starts_with( $file, $abspath ) ) {
				return array(
					'file' => $file,
					'line' => $frame['line'] ?? 0,
				);
			}
		}

		return array(
			'file' => '',
			'line' => 0,
		);
	}
}
