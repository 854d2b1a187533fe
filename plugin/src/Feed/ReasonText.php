<?php
/**
 * Why a post is in the feed, in words.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use WP_Term;
use WP_User;

/**
 * Turns the service's reason (`{kind, id}`) into the translated text visitors read: "Because you read News",
 * "Popular", "New", "Editor's pick". The service only knows ids; names come from WordPress, so a renamed
 * term reads right at once.
 */
final class ReasonText {

	/**
	 * Reason kinds the service sends.
	 */
	public const KINDS = array( 'pinned', 'category', 'tag', 'author', 'popular', 'recent' );

	/**
	 * The text of a reason.
	 *
	 * @param string $kind One of KINDS.
	 * @param int    $id   Term or author id the affinity came from (0 for none).
	 * @return string
	 */
	public static function of( string $kind, int $id = 0 ): string {
		$name = match ( $kind ) {
			'category' => self::term_name( $id, 'category' ),
			'tag'      => self::term_name( $id, 'post_tag' ),
			'author'   => self::author_name( $id ),
			default    => null,
		};

		return match ( $kind ) {
			'pinned'                      => __( 'Editor’s pick', 'switchboard' ),
			'popular'                     => __( 'Popular', 'switchboard' ),
			'recent'                      => __( 'New', 'switchboard' ),
			'category', 'tag', 'author'   => null === $name
				// The term or author is gone since the service learned it: still a personal pick.
				? __( 'Picked for you', 'switchboard' )
				/* translators: %s: name of a category, tag or author the visitor read. */
				: sprintf( __( 'Because you read %s', 'switchboard' ), $name ),
			default                       => __( 'Picked for you', 'switchboard' ),
		};
	}

	/**
	 * A term's name as plain text, or null when it is not a term of that taxonomy.
	 *
	 * @param int    $id       Term id.
	 * @param string $taxonomy Taxonomy.
	 * @return string|null
	 */
	private static function term_name( int $id, string $taxonomy ): ?string {
		$term = $id > 0 ? get_term( $id, $taxonomy ) : null;

		return $term instanceof WP_Term ? self::plain( $term->name ) : null;
	}

	/**
	 * An author's display name, or null when there is no such user.
	 *
	 * @param int $id User id.
	 * @return string|null
	 */
	private static function author_name( int $id ): ?string {
		$user = $id > 0 ? get_userdata( $id ) : false;

		return $user instanceof WP_User ? self::plain( $user->display_name ) : null;
	}

	/**
	 * Text without tags or entities (the browser sets it as text), or null when nothing is left.
	 *
	 * @param string $text Stored name.
	 * @return string|null
	 */
	private static function plain( string $text ): ?string {
		$plain = trim( html_entity_decode( wp_strip_all_tags( $text ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );

		return '' === $plain ? null : $plain;
	}
}
