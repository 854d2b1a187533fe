<?php
/**
 * Turns content changes into outbox rows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use Closure;
use stdClass;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Module;
use WP_Post;
use WP_Taxonomy;
use WP_Term;
use WP_User;

/**
 * Writes one outbox row per subscribing, configured service, in the request that changed the content, and
 * makes no HTTP call there (the DispatchTrigger kicks a separate request at shutdown).
 *
 * Events: `post.published`, `post.updated` (a published post's fields or terms changed), `post.unpublished`
 * (it left `publish`, was trashed, or got a password: a tombstone with only its id and type), `post.deleted`
 * (a tombstone), `author.updated` (an author of published posts changed their display name), `term.updated`
 * (a term of a public taxonomy of a reported type was renamed) and `term.deleted`. Only public post types are
 * reported (filter `switchboard_event_post_types`). One save fires several hooks (terms, then the status
 * transition); the rows written for a post earlier in the same request and not yet picked up are rewritten
 * instead of adding more. Each row names its subject (`post:<id>`, `author:<id>` or `term:<id>`), so that the
 * events about one post, author or term reach each service in the order they happened (a rename, then a
 * deletion, never the other way round). Events about different subjects are not ordered against each other;
 * the reconciliation job (Switchboard\Search) repairs what a race between them leaves behind.
 */
final class ContentEvents implements Module {

	/**
	 * Events written in this request: id and type, keyed by post id, then service id.
	 *
	 * @var array<int, array<string, array{string, string}>>
	 */
	private array $written = array();

	/**
	 * Term names before an edit in this request, keyed by term id.
	 *
	 * @var array<int, string>
	 */
	private array $names_before = array();

	/**
	 * Most characters of plain text `content` carries.
	 */
	public const CONTENT_LIMIT = 20000;

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
		add_action( 'edit_terms', array( $this, 'before_term_edit' ), 10, 2 );
		add_action( 'edited_term', array( $this, 'on_term_edited' ), 10, 3 );
		add_action( 'delete_term', array( $this, 'on_term_deleted' ), 10, 4 );
	}

	/**
	 * Removes what register_hooks() added: tests that write content without events detach the booted module.
	 */
	public function unregister_hooks(): void {
		remove_action( 'transition_post_status', array( $this, 'on_transition' ) );
		remove_action( 'set_object_terms', array( $this, 'on_terms' ) );
		remove_action( 'deleted_post', array( $this, 'on_deleted' ) );
		remove_action( 'profile_update', array( $this, 'on_profile_update' ) );
		remove_action( 'edit_terms', array( $this, 'before_term_edit' ) );
		remove_action( 'edited_term', array( $this, 'on_term_edited' ) );
		remove_action( 'delete_term', array( $this, 'on_term_deleted' ) );
	}

	/**
	 * Remembers a term's name before an edit, so that on_term_edited() can tell whether it changed.
	 *
	 * @param int    $term_id  Term id.
	 * @param string $taxonomy Taxonomy.
	 */
	public function before_term_edit( $term_id, $taxonomy ): void {
		$term = get_term( (int) $term_id, (string) $taxonomy );
		if ( $term instanceof WP_Term ) {
			$this->names_before[ $term->term_id ] = $term->name;
		}
	}

	/**
	 * A term was edited: services hear about it when its name changed.
	 *
	 * @param int    $term_id  Term id.
	 * @param int    $tt_id    Term taxonomy id.
	 * @param string $taxonomy Taxonomy.
	 */
	public function on_term_edited( $term_id, $tt_id, $taxonomy ): void {
		$term_id = (int) $term_id;
		$before  = $this->names_before[ $term_id ] ?? null;
		unset( $this->names_before[ $term_id ] );
		if ( ! $this->is_reported_taxonomy( (string) $taxonomy ) ) {
			return;
		}
		// The object cache may still hold the term as it was; the database has the new name.
		clean_term_cache( $term_id, (string) $taxonomy, false );
		$term = get_term( $term_id, (string) $taxonomy );
		if ( ! $term instanceof WP_Term || $term->name === $before ) {
			return;
		}

		$this->record( 0, 'term.updated', self::term_payload( $term->term_id, $term->taxonomy, $term->name ) );
	}

	/**
	 * A term was deleted.
	 *
	 * @param int    $term_id      Term id.
	 * @param int    $tt_id        Term taxonomy id.
	 * @param string $taxonomy     Taxonomy.
	 * @param mixed  $deleted_term The term as it was.
	 */
	public function on_term_deleted( $term_id, $tt_id, $taxonomy, $deleted_term = null ): void {
		if ( ! $this->is_reported_taxonomy( (string) $taxonomy ) ) {
			return;
		}
		$name = $deleted_term instanceof WP_Term ? $deleted_term->name : '';

		$this->record( 0, 'term.deleted', self::term_payload( (int) $term_id, (string) $taxonomy, $name ) );
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
		if ( 0 === (int) count_user_posts( $user->ID, self::post_types(), true ) ) {
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

		$payload = array(
			'id'            => $post->ID,
			'type'          => $post->post_type,
			'status'        => $post->post_status,
			'title'         => wp_strip_all_tags( $post->post_title ),
			'excerpt'       => wp_strip_all_tags( $excerpt ),
			'permalink'     => (string) get_permalink( $post ),
			'author'        => array(
				'id'   => (int) $post->post_author,
				'name' => $author instanceof WP_User ? $author->display_name : '',
			),
			// A type without public taxonomies still sends an object (`{}`), not an empty list.
			'terms'         => array() === $terms ? new stdClass() : $terms,
			'date'          => mysql_to_rfc3339( $post->post_date_gmt ),
			'modified'      => mysql_to_rfc3339( $post->post_modified_gmt ),
			'content'       => self::plain_text( $post->post_content ),
			// A popularity prior for the feed's ranking; a changed count reaches the feed's catalogue by its
			// daily reconciliation (the fingerprint covers it).
			'comment_count' => (int) $post->comment_count,
		);

		$payload['fingerprint'] = self::fingerprint( $payload );

		return $payload;
	}

	/**
	 * The fingerprint of a payload: sha1 of its JSON without the `fingerprint` key. The search service stores
	 * it verbatim, so reconciliation can tell a stale document from a current one without comparing fields.
	 *
	 * @param array<string, mixed> $payload Payload, with or without a fingerprint.
	 * @return string Lowercase hex.
	 */
	public static function fingerprint( array $payload ): string {
		unset( $payload['fingerprint'] );

		return sha1( (string) wp_json_encode( $payload ) );
	}

	/**
	 * A post body as plain text: block comments, shortcodes, tags (with script and style contents) removed,
	 * entities decoded, whitespace collapsed, cut at a word boundary to CONTENT_LIMIT characters.
	 *
	 * @param string $content Post content.
	 * @return string
	 */
	public static function plain_text( string $content ): string {
		$text = (string) preg_replace( '/<!--.*?-->/s', ' ', $content );
		$text = strip_shortcodes( $text );
		// Block-level boundaries separate words; inline tags (strong, a, em) must not split one.
		$text = (string) preg_replace( '#</?(?:p|div|h[1-6]|li|ul|ol|dl|dt|dd|br|hr|blockquote|figure|figcaption|table|thead|tbody|tr|td|th|pre|section|article|aside|header|footer|nav|details|summary|img|caption|address)\b[^>]*>#i', ' ', $text );
		$text = wp_strip_all_tags( $text );
		$text = html_entity_decode( $text, ENT_QUOTES | ENT_HTML5, 'UTF-8' );
		$text = trim( (string) preg_replace( '/[\s\x{00A0}]+/u', ' ', $text ) );

		return self::cut( $text, self::CONTENT_LIMIT );
	}

	/**
	 * Cuts text to at most `$limit` UTF-16 code units (what the service's JavaScript counts), at a word
	 * boundary when there is one.
	 *
	 * @param string $text  Text.
	 * @param int    $limit Most characters.
	 * @return string
	 */
	private static function cut( string $text, int $limit ): string {
		if ( mb_strlen( $text, 'UTF-8' ) <= $limit / 2 || self::utf16_length( $text ) <= $limit ) {
			return $text;
		}
		$cut = mb_substr( $text, 0, $limit, 'UTF-8' );
		while ( self::utf16_length( $cut ) > $limit ) {
			$cut = mb_substr( $cut, 0, mb_strlen( $cut, 'UTF-8' ) - 1, 'UTF-8' );
		}
		// The next character was not a space: the last word is partial, so drop it.
		$next = mb_substr( $text, mb_strlen( $cut, 'UTF-8' ), 1, 'UTF-8' );
		$end  = mb_strrpos( $cut, ' ', 0, 'UTF-8' );
		if ( ' ' !== $next && false !== $end && $end > 0 ) {
			$cut = mb_substr( $cut, 0, $end, 'UTF-8' );
		}

		return rtrim( $cut );
	}

	/**
	 * Length of UTF-8 text in UTF-16 code units.
	 *
	 * @param string $text Text.
	 * @return int
	 */
	private static function utf16_length( string $text ): int {
		return intdiv( strlen( (string) mb_convert_encoding( $text, 'UTF-16LE', 'UTF-8' ) ), 2 );
	}

	/**
	 * The data of a term event.
	 *
	 * @param int    $id       Term id.
	 * @param string $taxonomy Taxonomy.
	 * @param string $name     Name.
	 * @return array{term: array{id: int, taxonomy: string, name: string}}
	 */
	private static function term_payload( int $id, string $taxonomy, string $name ): array {
		return array(
			'term' => array(
				'id'       => $id,
				'taxonomy' => $taxonomy,
				'name'     => $name,
			),
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
	 * @return string `post:<id>`, `author:<id>`, `term:<id>`, or '' when unordered.
	 */
	private static function subject( int $post_id, array $payload ): string {
		if ( $post_id > 0 ) {
			return 'post:' . $post_id;
		}
		$term = is_array( $payload['term'] ?? null ) ? $payload['term'] : array();
		if ( is_int( $term['id'] ?? null ) ) {
			return 'term:' . $term['id'];
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
		return in_array( $post_type, self::post_types(), true );
	}

	/**
	 * Whether term events are reported for a taxonomy: a public one that a reported post type uses.
	 *
	 * @param string $taxonomy Taxonomy.
	 * @return bool
	 */
	private function is_reported_taxonomy( string $taxonomy ): bool {
		$object = get_taxonomy( $taxonomy );
		if ( ! $object instanceof WP_Taxonomy || ! $object->public ) {
			return false;
		}

		return array() !== array_intersect( (array) $object->object_type, self::post_types() );
	}

	/**
	 * Post types whose changes are reported (and whose posts the search index holds): the public ones except
	 * attachments.
	 *
	 * @return list<string>
	 */
	public static function post_types(): array {
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
