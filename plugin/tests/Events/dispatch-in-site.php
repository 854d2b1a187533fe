<?php
/**
 * Seeds or runs the dispatcher of a test site, in its own PHP process; see ConcurrentDispatcher.
 *
 * Usage: php dispatch-in-site.php <site dir> <core dir> seed <url> <subjects> <events> | dispatch <start time> <seconds>
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require dirname( __DIR__, 3 ) . '/vendor/autoload.php';

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput, WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line arguments in, an integer exit code out.
exit( Switchboard\Tests\Events\ConcurrentDispatcher::main( Switchboard\Tests\Events\ConcurrentDispatcher::arguments( $_SERVER['argv'] ?? array() ) ) );
