<?php
/**
 * Consumes from one rate-limit bucket in a test site, in its own PHP process; see ConcurrentConsumer.
 *
 * Usage: php consume-in-site.php <site dir> <core dir> <key> <capacity> <attempts> <start time>
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require dirname( __DIR__, 4 ) . '/vendor/autoload.php';

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput, WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line arguments in, an integer exit code out.
exit( Switchboard\Tests\Gateway\RateLimit\ConcurrentConsumer::main( Switchboard\Tests\Gateway\RateLimit\ConcurrentConsumer::arguments( $_SERVER['argv'] ?? array() ) ) );
