<?php
/**
 * Shared set-up of the content events tests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use Switchboard\Events\ContentEvents;
use Switchboard\Events\Schema;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Plugin;
use Switchboard\Tests\TestCase;

/**
 * Detaches the booted ContentEvents module (each test attaches its own, as a fresh request would have) and
 * declares test services.
 */
abstract class EventsTestCase extends TestCase {

	/**
	 * Detaches the booted module's content hooks.
	 */
	protected function set_up(): void {
		parent::set_up();
		$plugin = Plugin::instance();
		foreach ( null === $plugin ? array() : $plugin->modules() as $module ) {
			if ( $module instanceof ContentEvents ) {
				$module->unregister_hooks();
			}
		}
	}

	/**
	 * Declares services and their URLs, replacing the built-in ones.
	 *
	 * @param array<string, array{url: string, subscribes: bool}> $services Services by id.
	 */
	protected function declare_services( array $services ): void {
		add_filter(
			'switchboard_services',
			static function () use ( $services ): array {
				$declarations = array();
				foreach ( $services as $id => $service ) {
					$declarations[] = array(
						'id'                   => $id,
						'label'                => ucfirst( $id ),
						'subscribes_to_events' => $service['subscribes'],
					);
				}
				return $declarations;
			}
		);
		$urls = array();
		foreach ( $services as $id => $service ) {
			$urls[ $id ] = $service['url'];
		}
		update_option( ServiceRegistry::OPTION, $urls );
	}

	/**
	 * The outbox's rows, oldest first.
	 *
	 * @phpstan-impure
	 * @return list<array<mixed>>
	 */
	protected function rows(): array {
		$wpdb = $this->wpdb();
		Schema::ensure( $wpdb );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- reading the table itself; %i postdates WPCS 2.3.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( 'SELECT * FROM %i ORDER BY id', Schema::outbox( $wpdb ) ), 'ARRAY_A' );

		return $rows ?? array();
	}

	/**
	 * The decoded payload of a row.
	 *
	 * @param mixed $row Row.
	 * @return array<mixed>
	 */
	protected static function payload( mixed $row ): array {
		$json    = is_array( $row ) && is_string( $row['payload'] ?? null ) ? $row['payload'] : '';
		$payload = json_decode( $json, true );

		return is_array( $payload ) ? $payload : array();
	}

	/**
	 * A value deep inside decoded data, or null.
	 *
	 * @param mixed  $data Data.
	 * @param string ...$keys Keys to follow.
	 * @return mixed
	 */
	protected static function dig( mixed $data, string ...$keys ): mixed {
		foreach ( $keys as $key ) {
			$data = is_array( $data ) ? ( $data[ $key ] ?? null ) : null;
		}

		return $data;
	}

	/**
	 * The `name` of each item of a list, or an empty list.
	 *
	 * @param mixed $items Items.
	 * @return array<mixed>
	 */
	protected static function names( mixed $items ): array {
		return is_array( $items ) ? array_column( $items, 'name' ) : array();
	}

	/**
	 * A column of a row as an integer, or -1.
	 *
	 * @param mixed  $row    Row.
	 * @param string $column Column.
	 * @return int
	 */
	protected static function int_field( mixed $row, string $column ): int {
		$value = is_array( $row ) ? ( $row[ $column ] ?? null ) : null;

		return is_numeric( $value ) ? (int) $value : -1;
	}

	/**
	 * Inserts a post.
	 *
	 * @param array{post_status?: string, post_title?: string, post_author?: int, post_type?: string, post_password?: string, post_category?: list<int>, tags_input?: list<string>, post_content?: string} $args wp_insert_post() arguments.
	 * @return int
	 */
	protected function create_post( array $args = array() ): int {
		$id = wp_insert_post(
			$args + array(
				'post_title'   => 'A post',
				'post_content' => 'Some content.',
			),
			true
		);
		$this->assertIsInt( $id );

		return $id;
	}

	/**
	 * Inserts a user.
	 *
	 * @param array{display_name?: string, role?: string} $args wp_insert_user() arguments.
	 * @return int
	 */
	protected function create_user( array $args = array() ): int {
		$id = wp_insert_user(
			$args + array(
				'user_login' => 'sb_' . wp_rand(),
				'user_pass'  => wp_generate_password(),
			)
		);
		$this->assertIsInt( $id );

		return $id;
	}

	/**
	 * Inserts a category.
	 *
	 * @param string $name Name.
	 * @return int Term id.
	 */
	protected function create_category( string $name ): int {
		$term = wp_insert_term( $name, 'category' );
		$this->assertIsArray( $term );

		return (int) $term['term_id'];
	}
}
