<?php
/**
 * Lists of post and term ids from validated arguments.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

/**
 * Reads id lists however they arrived: a JSON list (body arguments) or a comma-separated string (query
 * arguments, as the service takes them).
 */
final class Ids {

	/**
	 * Positive, unique ids in their first order.
	 *
	 * @param mixed $value A list of ids or a comma-separated string; anything else is no ids.
	 * @return list<int>
	 */
	public static function from( mixed $value ): array {
		if ( is_string( $value ) ) {
			$value = explode( ',', $value );
		}
		if ( ! is_array( $value ) ) {
			return array();
		}

		$ids = array();
		foreach ( $value as $item ) {
			$id = is_int( $item ) || ( is_string( $item ) && ctype_digit( trim( $item ) ) ) ? (int) $item : 0;
			if ( $id > 0 ) {
				$ids[ $id ] = $id;
			}
		}

		return array_values( $ids );
	}
}
