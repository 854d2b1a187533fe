<?php
/**
 * PHPUnit bootstrap: a fresh WordPress on SQLite with the plugin active, loaded into this process.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require dirname( __DIR__, 2 ) . '/vendor/autoload.php';

try {
	Switchboard\Tests\Support\TestEnvironment::bootstrap();
} catch ( RuntimeException $exception ) {
	fwrite( STDERR, 'Switchboard tests cannot start: ' . $exception->getMessage() . "\n" ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line report.
	exit( 1 );
}
