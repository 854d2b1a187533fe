<?php
/**
 * Reads nested values of decoded JSON in tests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

/**
 * Gives dig(): the value at a path of keys, each level asserted to be an array.
 */
trait DigsArrays {

	/**
	 * The value at a path of keys in nested arrays (null where a key is missing).
	 *
	 * @param mixed      $value   Outer value.
	 * @param int|string ...$path Keys.
	 * @return mixed
	 */
	protected static function dig( mixed $value, int|string ...$path ): mixed {
		foreach ( $path as $key ) {
			self::assertIsArray( $value );
			$value = $value[ $key ] ?? null;
		}

		return $value;
	}
}
