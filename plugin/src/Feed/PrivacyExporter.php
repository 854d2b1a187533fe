<?php
/**
 * The feed profile in WordPress's personal data export.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use WP_Error;
use WP_Post;
use WP_Term;
use WP_User;

/**
 * Exports a user's feed profile: what the service learned (categories, tags and authors read, with
 * weights), the posts read, and the recorded events. Ids are shown with their names so the person can read
 * the export. When the service cannot answer, the export fails with that error rather than silently
 * leaving the profile out.
 */
final class PrivacyExporter {

	/**
	 * Group of the profile item.
	 */
	public const GROUP = 'switchboard-feed';

	/**
	 * Group of the event items.
	 */
	public const EVENTS_GROUP = 'switchboard-feed-events';

	/**
	 * Stores the client.
	 *
	 * @param FeedProfilesClient $profiles The service's profiles.
	 */
	public function __construct( private readonly FeedProfilesClient $profiles ) {
	}

	/**
	 * The exporter callback.
	 *
	 * @param string $email_address The person's email address.
	 * @param int    $page          Page (the whole profile fits in one).
	 * @return array{data: list<array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}>, done: bool}|WP_Error
	 */
	public function export( string $email_address, int $page = 1 ): array|WP_Error {
		$user = get_user_by( 'email', $email_address );
		if ( ! $user instanceof WP_User ) {
			return array(
				'data' => array(),
				'done' => true,
			);
		}

		$profile = $this->profiles->export( $user->ID );
		if ( $profile instanceof WP_Error ) {
			if ( FeedProfilesClient::is_not_configured( $profile ) ) {
				return array(
					'data' => array(),
					'done' => true,
				);
			}
			return new WP_Error( 'switchboard_feed_export_failed', __( 'The feed service could not be reached, so the feed profile could not be exported. Please try again later.', 'switchboard' ) );
		}
		if ( null === $profile ) {
			return array(
				'data' => array(),
				'done' => true,
			);
		}

		return array(
			'data' => array_merge( array( $this->profile_item( $user, $profile ) ), $this->event_items( $user, $profile ) ),
			'done' => true,
		);
	}

	/**
	 * The profile as one export item.
	 *
	 * @param WP_User      $user    User.
	 * @param array<mixed> $profile Service's answer.
	 * @return array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}
	 */
	private function profile_item( WP_User $user, array $profile ): array {
		$affinities = is_array( $profile['affinities'] ?? null ) ? $profile['affinities'] : array();
		$read       = array_map( array( self::class, 'post_label' ), Ids::from( $profile['read'] ?? null ) );
		$data       = array(
			array(
				'name'  => __( 'Profile', 'switchboard' ),
				'value' => is_string( $profile['key'] ?? null ) ? $profile['key'] : FeedProfilesClient::key( $user->ID ),
			),
			array(
				'name'  => __( 'Created', 'switchboard' ),
				'value' => self::time( $profile['created'] ?? null ),
			),
			array(
				'name'  => __( 'Updated', 'switchboard' ),
				'value' => self::time( $profile['updated'] ?? null ),
			),
			array(
				'name'  => __( 'Categories read', 'switchboard' ),
				'value' => self::weights( $affinities['category'] ?? null, static fn( int $id ): string => self::term_label( $id, 'category' ) ),
			),
			array(
				'name'  => __( 'Tags read', 'switchboard' ),
				'value' => self::weights( $affinities['tag'] ?? null, static fn( int $id ): string => self::term_label( $id, 'post_tag' ) ),
			),
			array(
				'name'  => __( 'Authors read', 'switchboard' ),
				'value' => self::weights( $affinities['author'] ?? null, array( self::class, 'author_label' ) ),
			),
			array(
				'name'  => __( 'Posts read', 'switchboard' ),
				'value' => array() === $read ? __( 'None', 'switchboard' ) : implode( '; ', $read ),
			),
		);
		if ( is_string( $profile['mode'] ?? null ) ) {
			$data[] = array(
				'name'  => __( 'Feed variant', 'switchboard' ),
				'value' => $profile['mode'],
			);
		}

		return array(
			'group_id'          => self::GROUP,
			'group_label'       => __( 'Feed profile', 'switchboard' ),
			'group_description' => __( 'What the personalized feed learned from the posts you read on this site.', 'switchboard' ),
			'item_id'           => 'switchboard-feed-profile-' . $user->ID,
			'data'              => $data,
		);
	}

	/**
	 * The recorded events, one export item each.
	 *
	 * @param WP_User      $user    User.
	 * @param array<mixed> $profile Service's answer.
	 * @return list<array{group_id: string, group_label: string, group_description: string, item_id: string, data: list<array{name: string, value: string}>}>
	 */
	private function event_items( WP_User $user, array $profile ): array {
		$items = array();
		foreach ( is_array( $profile['events'] ?? null ) ? $profile['events'] : array() as $index => $event ) {
			if ( ! is_array( $event ) ) {
				continue;
			}
			$data = array(
				array(
					'name'  => __( 'Event', 'switchboard' ),
					'value' => is_string( $event['type'] ?? null ) ? $event['type'] : '',
				),
				array(
					'name'  => __( 'Post', 'switchboard' ),
					'value' => is_int( $event['post'] ?? null ) ? self::post_label( $event['post'] ) : '',
				),
				array(
					'name'  => __( 'Time', 'switchboard' ),
					'value' => self::time( $event['at'] ?? null ),
				),
			);
			if ( is_string( $event['feed'] ?? null ) ) {
				$data[] = array(
					'name'  => __( 'Feed response', 'switchboard' ),
					'value' => $event['feed'],
				);
			}
			$items[] = array(
				'group_id'          => self::EVENTS_GROUP,
				'group_label'       => __( 'Feed activity', 'switchboard' ),
				'group_description' => __( 'Posts the personalized feed showed you, and the ones you opened or read.', 'switchboard' ),
				'item_id'           => 'switchboard-feed-event-' . $user->ID . '-' . $index,
				'data'              => $data,
			);
		}

		return $items;
	}

	/**
	 * `Name (weight)` pairs of an affinity map.
	 *
	 * @param mixed                $weights Map of id to weight.
	 * @param callable(int):string $label   Names an id.
	 * @return string
	 */
	private static function weights( mixed $weights, callable $label ): string {
		$parts = array();
		foreach ( is_array( $weights ) ? $weights : array() as $id => $weight ) {
			if ( is_numeric( $id ) && is_numeric( $weight ) ) {
				$parts[] = sprintf( '%s (%s)', $label( (int) $id ), (string) round( (float) $weight, 2 ) );
			}
		}

		return array() === $parts ? __( 'None', 'switchboard' ) : implode( '; ', $parts );
	}

	/**
	 * A term's name with its id.
	 *
	 * @param int    $id       Term id.
	 * @param string $taxonomy Taxonomy.
	 * @return string
	 */
	private static function term_label( int $id, string $taxonomy ): string {
		$term = get_term( $id, $taxonomy );

		return $term instanceof WP_Term ? sprintf( '%s #%d', $term->name, $id ) : '#' . $id;
	}

	/**
	 * An author's name with their id.
	 *
	 * @param int $id User id.
	 * @return string
	 */
	private static function author_label( int $id ): string {
		$user = get_userdata( $id );

		return $user instanceof WP_User ? sprintf( '%s #%d', $user->display_name, $id ) : '#' . $id;
	}

	/**
	 * A post's title with its id.
	 *
	 * @param int $id Post id.
	 * @return string
	 */
	private static function post_label( int $id ): string {
		$post = get_post( $id );

		return $post instanceof WP_Post ? sprintf( '%s #%d', get_the_title( $post ), $id ) : '#' . $id;
	}

	/**
	 * A time the service gave (milliseconds since the epoch, or text) as UTC text.
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	private static function time( mixed $value ): string {
		if ( is_int( $value ) || is_float( $value ) ) {
			return gmdate( 'Y-m-d H:i:s', (int) ( $value / 1000 ) ) . ' UTC';
		}

		return is_string( $value ) ? $value : '';
	}
}
