<?php
/**
 * The early answer over real HTTP: a site without an object cache, on `plugins_loaded`.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Http;

/**
 * FastAnswerTestCase's tests on a plain site (transients, SQLite, no drop-in): repeated public reads are
 * answered as soon as plugins are loaded, before the theme, `init` and the REST server.
 */
final class EarlyAnswerTest extends FastAnswerTestCase {

	/**
	 * The stage's name in `Server-Timing`.
	 *
	 * @return string
	 */
	protected static function stage(): string {
		return 'early';
	}
}
