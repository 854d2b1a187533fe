<?php
/**
 * One request of the Redis site tests; see RedisSiteWorker.
 *
 * Usage: php redis-site-worker.php <site dir> <core dir> <command> [arguments]
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require dirname( __DIR__, 3 ) . '/vendor/autoload.php';

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput, WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line arguments in, an integer exit code out.
exit( Switchboard\Tests\Redis\RedisSiteWorker::main( Switchboard\Tests\Redis\RedisSiteWorker::arguments( $_SERVER['argv'] ?? array() ) ) );
