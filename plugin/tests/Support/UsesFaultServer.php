<?php
/**
 * A FaultServer started once per test class.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

/**
 * Starts the upstream FaultServer before the class's tests and stops it after them; upstream() returns it.
 */
trait UsesFaultServer {

	/**
	 * The upstream server.
	 *
	 * @var FaultServer|null
	 */
	private static ?FaultServer $upstream = null;

	/**
	 * Starts the server.
	 */
	public static function set_up_before_class(): void {
		parent::set_up_before_class();
		self::start_upstream();
	}

	/**
	 * Stops the server.
	 */
	public static function tear_down_after_class(): void {
		self::stop_upstream();
		parent::tear_down_after_class();
	}

	/**
	 * Starts the upstream server.
	 */
	protected static function start_upstream(): void {
		self::$upstream = FaultServer::start();
	}

	/**
	 * Stops the upstream server.
	 */
	protected static function stop_upstream(): void {
		self::upstream()->stop();
		self::$upstream = null;
	}

	/**
	 * The upstream server.
	 *
	 * @return FaultServer
	 */
	protected static function upstream(): FaultServer {
		self::assertNotNull( self::$upstream );
		return self::$upstream;
	}
}
