<?php
/**
 * Records or reads gateway metrics in a test site, in its own PHP process; see ConcurrentRecorder.
 *
 * Usage: php record-in-site.php <site dir> <core dir> record|read <service> [<samples> <start time>]
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require dirname( __DIR__, 4 ) . '/vendor/autoload.php';

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput, WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line arguments in, an integer exit code out.
exit( Switchboard\Tests\Gateway\Metrics\ConcurrentRecorder::main( Switchboard\Tests\Gateway\Metrics\ConcurrentRecorder::arguments( $_SERVER['argv'] ?? array() ) ) );
