<?php
/**
 * Keeps only the allow-listed fields of a service's answer.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

use WP_Error;

/**
 * Reduces a decoded service answer to a route's response schema, then checks and sanitizes it with
 * WordPress's own JSON-schema functions.
 *
 * Fields the schema does not list are dropped rather than refused, so a service may add fields without
 * breaking the gateway, and nothing it adds (internals, debug data, secrets) ever reaches the browser.
 * A listed field of the wrong type, out of its bounds or missing when required makes the whole answer a
 * 502: a half-checked answer is worse than none.
 */
final class ResponseShape {

	/**
	 * Applies a schema to an answer.
	 *
	 * @param array<mixed> $schema  JSON schema (`type`, `properties`, `items`, bounds, `format`).
	 * @param array<mixed> $value   Decoded answer.
	 * @param string       $service Service id, for the error's data.
	 * @return array<mixed>|WP_Error
	 */
	public static function apply( array $schema, array $value, string $service ): array|WP_Error {
		$kept  = self::strip( $schema, $value );
		$valid = rest_validate_value_from_schema( $kept, $schema, 'response' );
		if ( is_wp_error( $valid ) || ! self::links_are_web_links( $schema, $kept ) ) {
			return new WP_Error(
				'switchboard_upstream_bad_shape',
				__( 'The service answered with data the gateway does not accept.', 'switchboard' ),
				array(
					'status'  => 502,
					'service' => $service,
				)
			);
		}

		$clean = rest_sanitize_value_from_schema( $kept, $schema, 'response' );

		return is_array( $clean ) ? $clean : array();
	}

	/**
	 * Whether every `format: uri` string is an http(s) URL. WordPress only sanitizes that format (a
	 * `javascript:` URL would become an empty string); the gateway refuses such an answer instead.
	 *
	 * @param array<mixed> $schema Schema of the value.
	 * @param mixed        $value  Value (already stripped and validated for types).
	 * @return bool
	 */
	private static function links_are_web_links( array $schema, mixed $value ): bool {
		if ( is_string( $value ) ) {
			return 'uri' !== ( $schema['format'] ?? null ) || 1 === preg_match( '#^https?://#i', $value ) && '' !== esc_url_raw( $value, array( 'http', 'https' ) );
		}
		if ( ! is_array( $value ) ) {
			return true;
		}

		$properties = is_array( $schema['properties'] ?? null ) ? $schema['properties'] : array();
		$items      = is_array( $schema['items'] ?? null ) ? $schema['items'] : array();
		foreach ( $value as $key => $item ) {
			$item_schema = 'array' === ( $schema['type'] ?? null ) ? $items : ( $properties[ $key ] ?? array() );
			if ( ! self::links_are_web_links( is_array( $item_schema ) ? $item_schema : array(), $item ) ) {
				return false;
			}
		}

		return true;
	}

	/**
	 * Removes every object property the schema does not list, at every depth.
	 *
	 * @param array<mixed> $schema Schema of the value.
	 * @param mixed        $value  Value.
	 * @return mixed
	 */
	private static function strip( array $schema, mixed $value ): mixed {
		if ( ! is_array( $value ) ) {
			return $value;
		}

		$type = $schema['type'] ?? null;
		if ( 'array' === $type ) {
			if ( ! array_is_list( $value ) ) {
				return $value; // Not a list: left for validation to refuse.
			}
			$items = is_array( $schema['items'] ?? null ) ? $schema['items'] : array();
			return array_map( static fn( $item ) => self::strip( $items, $item ), $value );
		}
		if ( 'object' !== $type ) {
			return $value;
		}

		$properties = is_array( $schema['properties'] ?? null ) ? $schema['properties'] : array();
		$kept       = array();
		foreach ( $properties as $name => $property ) {
			if ( array_key_exists( $name, $value ) ) {
				$kept[ $name ] = self::strip( is_array( $property ) ? $property : array(), $value[ $name ] );
			}
		}

		return $kept;
	}
}
