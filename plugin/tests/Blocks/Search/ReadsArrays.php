<?php
/**
 * Typed reads of decoded answers in tests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Blocks\Search;

/**
 * Walks nested arrays (REST answers, Interactivity contexts), asserting each step exists, so a missing
 * key fails the test with a clear message instead of a notice.
 */
trait ReadsArrays {

	/**
	 * The value at a path.
	 *
	 * @param mixed      $value Array to read.
	 * @param int|string ...$path Keys.
	 * @return mixed
	 */
	protected static function value_at( mixed $value, int|string ...$path ): mixed {
		foreach ( $path as $key ) {
			self::assertIsArray( $value );
			self::assertArrayHasKey( $key, $value );
			$value = $value[ $key ];
		}

		return $value;
	}

	/**
	 * The array at a path.
	 *
	 * @param mixed      $value Array to read.
	 * @param int|string ...$path Keys.
	 * @return array<mixed>
	 */
	protected static function array_at( mixed $value, int|string ...$path ): array {
		$found = self::value_at( $value, ...$path );
		self::assertIsArray( $found );

		return $found;
	}

	/**
	 * One key of each item of the list at a path.
	 *
	 * @param mixed      $value Array to read.
	 * @param string     $key   Key of each item.
	 * @param int|string ...$path Keys to the list.
	 * @return list<mixed>
	 */
	protected static function column( mixed $value, string $key, int|string ...$path ): array {
		$items = array_filter( self::array_at( $value, ...$path ), 'is_array' );

		return array_column( $items, $key );
	}
}
