<?php
/**
 * Turns content changes into outbox rows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use Closure;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Module;
use WP_Post;
use WP_User;

/**
 * Writes one outbox row per subscribing, configured service, in the request that changed the content, and
 * makes no HTTP call there (the DispatchTrigger kicks a separate request at shutdown).
 *
 * Events: `post.published`, `post.updated` (a published post's fields or terms changed), `post.unpublished`
 * (it left `publish`, was trashed, or got a password: a tombstone with only its id and type), `post.deleted`
 * (a tombstone) and `author.updated` (an author of published posts changed their display name). Only public
 * post types are reported (filter `switchboard_event_post_types`). One save fires several hooks (terms, then
 * the status transition); the rows written for a post earlier in the same request and not yet picked up are
 * rewritten instead of adding more. Each row names its subject (`post:<id>` or `author:<id>`), so that the
 * events about one post or author reach each service in the order they happened.
 */
final class ContentEvents implements Module {

	/**
	 * Events written in this request: id and type, keyed by post id, then service id.
	 *
	 * @var array<int, array<string, array{string, string}>>
	 */
	private array $written = array();

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Stores the collaborators.
	 *
	 * @param Outbox               $outbox   The queue.
	 * @param ServiceRegistry      $registry Which services subscribe.
	 * @param DispatchTrigger|null $trigger  Kicks the dispatcher after a request that wrote rows.
	 * @param Closure():int|null   $clock    Current Unix time; time() when null.
	 */
	public function __construct(
		private readonly Outbox $outbox,
		private readonly ServiceRegistry $registry,
		private readonly ?DispatchTrigger $trigger = null,
		?Closure $clock = null
	) {
		$this->clock = $clock ?? static fn(): int => time();
	}

	/**
	 * Listens to content changes.
	 */
	public function register_hooks(): void {
		add_action( 'transition_post_status', array( $this, 'on_transition' ), 10, 3 );
		add_action( 'set_object_terms', array( $this, 'on_terms' ), 10, 6 );
		add_action( 'deleted_post', array( $this, 'on_deleted' ), 10, 2 );
		add_action( 'profile_update', array( $this, 'on_profile_update' ), 10, 2 );
	}

	/**
	 * A post changed status, or was saved again in the same status.
	 *
	 * @param string $new_status New status.
	 * @param string $old_status Old status.
	 * @param mixed  $post       Post.
	 */
	public function on_transition( $new_status, $old_status, $post ): void {
		if ( ! $post instanceof WP_Post || ! $this->is_reported_type( $post->post_type ) ) {
			return;
		}

		if ( 'publish' === $new_status && '' === $post->post_password ) {
			$this->record( $post->ID, 'publish' === $old_status ? 'post.updated' : 'post.published', self::payload( $post ) );
		} elseif ( 'publish' === $old_status || 'publish' === $new_status ) {
			// Left public view, or is published behind a password: services must not hold its content.
			$this->record( $post->ID, 'post.unpublished', self::tombstone( $post, 'unpublished' ) );
		}
	}

	/**
	 * A post's terms changed.
	 *
	 * @param int    $object_id  Object id.
	 * @param mixed  $terms      Terms as given.
	 * @param mixed  $tt_ids     New term taxonomy ids.
	 * @param string $taxonomy   Taxonomy.
	 * @param bool   $append     Whether terms were appended.
	 * @param mixed  $old_tt_ids Previous term taxonomy ids.
	 */
	public function on_terms( $object_id, $terms, $tt_ids, $taxonomy, $append, $old_tt_ids ): void {
		$new = is_array( $tt_ids ) ? wp_parse_id_list( $tt_ids ) : array();
		$old = is_array( $old_tt_ids ) ? wp_parse_id_list( $old_tt_ids ) : array();
		sort( $new );
		sort( $old );
		if ( $new === $old ) {
			return;
		}

		$post = get_post( (int) $object_id );
		if ( ! $post instanceof WP_Post || 'publish' !== $post->post_status || '' !== $post->post_password || ! $this->is_reported_type( $post->post_type ) ) {
			return;
		}

		$this->record( $post->ID, 'post.updated', self::payload( $post ) );
	}

	/**
	 * A post was deleted for good.
	 *
	 * @param int   $post_id Post id.
	 * @param mixed $post    The post as it was.
	 */
	public function on_deleted( $post_id, $post = null ): void {
		if ( ! $post instanceof WP_Post || in_array( $post->post_status, array( 'auto-draft', 'inherit' ), true ) || ! $this->is_reported_type( $post->post_type ) ) {
			return;
		}

		$this->record( (int) $post_id, 'post.deleted', self::tombstone( $post, 'deleted' ) );
	}

	/**
	 * A user's profile changed; services hear about it when the name shown on published posts changed.
	 *
	 * @param int   $user_id       User id.
	 * @param mixed $old_user_data The user before the change.
	 */
	public function on_profile_update( $user_id, $old_user_data = null ): void {
		$user = get_userdata( (int) $user_id );
		if ( ! $user instanceof WP_User || ! $old_user_data instanceof WP_User || $user->display_name === $old_user_data->display_name ) {
			return;
		}
		if ( 0 === (int) count_user_posts( $user->ID, $this->post_types(), true ) ) {
			return;
		}

		$this->record(
			0,
			'author.updated',
			array(
				'author' => array(
					'id'   => $user->ID,
					'name' => $user->display_name,
				),
			)
		);
	}

	/**
	 * The data services receive about a published post.
	 *
	 * @param WP_Post $post Published post.
	 * @return array<string, mixed>
	 */
	public static function payload( WP_Post $post ): array {
		$author = get_userdata( (int) $post->post_author );
		$terms  = array();
		foreach ( get_object_taxonomies( $post->post_type, 'objects' ) as $taxonomy ) {
			if ( ! $taxonomy->public ) {
				continue;
			}
			$found                    = get_the_terms( $post, $taxonomy->name );
			$terms[ $taxonomy->name ] = array();
			foreach ( is_array( $found ) ? $found : array() as $term ) {
				$terms[ $taxonomy->name ][] = array(
					'id'   => $term->term_id,
					'name' => $term->name,
				);
			}
		}

		$excerpt = '' !== trim( $post->post_excerpt )
			? $post->post_excerpt
			: wp_trim_words( wp_strip_all_tags( strip_shortcodes( excerpt_remove_blocks( $post->post_content ) ) ), 55, '…' );

		return array(
			'id'        => $post->ID,
			'type'      => $post->post_type,
			'status'    => $post->post_status,
			'title'     => wp_strip_all_tags( $post->post_title ),
			'excerpt'   => wp_strip_all_tags( $excerpt ),
			'permalink' => (string) get_permalink( $post ),
			'author'    => array(
				'id'   => (int) $post->post_author,
				'name' => $author instanceof WP_User ? $author->display_name : '',
			),
			'terms'     => $terms,
			'date'      => mysql_to_rfc3339( $post->post_date_gmt ),
			'modified'  => mysql_to_rfc3339( $post->post_modified_gmt ),
		);
	}

	/**
	 * The only data services receive about a post that is gone from public view.
	 *
	 * @param WP_Post $post   Post.
	 * @param string  $status `unpublished` or `deleted`.
	 * @return array<string, mixed>
	 */
	public static function tombstone( WP_Post $post, string $status ): array {
		return array(
			'id'     => $post->ID,
			'type'   => $post->post_type,
			'status' => $status,
		);
	}

	/**
	 * Writes (or rewrites) one row per subscribing, configured service.
	 *
	 * @param int                  $post_id Post id (0 for events that are not about one post).
	 * @param string               $type    Event type.
	 * @param array<string, mixed> $payload Event data.
	 */
	private function record( int $post_id, string $type, array $payload ): void {
		$now     = ( $this->clock )();
		$wrote   = false;
		$subject = self::subject( $post_id, $payload );
		foreach ( $this->registry->all() as $service ) {
			if ( ! $service->subscribes_to_events || ! $service->is_configured() ) {
				continue;
			}

			$earlier = $post_id > 0 ? ( $this->written[ $post_id ][ $service->id ] ?? null ) : null;
			if ( null !== $earlier ) {
				// A post first published in this request stays `published` through later saves in it.
				$merged = ( 'post.updated' === $type && 'post.published' === $earlier[1] ) ? 'post.published' : $type;
				if ( $this->outbox->revise( $earlier[0], $service->id, $merged, $payload ) ) {
					$this->written[ $post_id ][ $service->id ] = array( $earlier[0], $merged );
					$wrote                                     = true;
					continue;
				}
			}

			$event_id = $this->outbox->add( $service->id, $type, $payload, $now, $subject );
			if ( '' !== $event_id ) {
				$wrote = true;
				if ( $post_id > 0 ) {
					$this->written[ $post_id ][ $service->id ] = array( $event_id, $type );
				}
			}
		}

		if ( $wrote && null !== $this->trigger ) {
			$this->trigger->kick_after_request();
		}
	}

	/**
	 * What an event is about, so that a service receives the events about one thing in order.
	 *
	 * @param int                  $post_id Post id, or 0.
	 * @param array<string, mixed> $payload Event data.
	 * @return string `post:<id>`, `author:<id>`, or '' when unordered.
	 */
	private static function subject( int $post_id, array $payload ): string {
		if ( $post_id > 0 ) {
			return 'post:' . $post_id;
		}
		$author = is_array( $payload['author'] ?? null ) ? $payload['author'] : array();

		return is_int( $author['id'] ?? null ) ? 'author:' . $author['id'] : '';
	}

	/**
	 * Whether events are reported for a post type.
	 *
	 * @param string $post_type Post type.
	 * @return bool
	 */
	private function is_reported_type( string $post_type ): bool {
		return in_array( $post_type, $this->post_types(), true );
	}

	/**
	 * Post types whose changes are reported: the public ones except attachments.
	 *
	 * @return list<string>
	 */
	private function post_types(): array {
		$types = array_values( array_diff( get_post_types( array( 'public' => true ) ), array( 'attachment' ) ) );

		/**
		 * Filters the post types whose changes are sent to services.
		 *
		 * @param list<string> $types Public post types except attachments.
		 */
		$filtered = apply_filters( 'switchboard_event_post_types', $types );

		return is_array( $filtered ) ? array_values( array_filter( $filtered, 'is_string' ) ) : $types;
	}
}
