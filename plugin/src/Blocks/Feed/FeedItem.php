<?php
/**
 * One post in the feed.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Blocks\Image;
use WP_Post;
use WP_Term;

/**
 * A post as the feed shows it, as plain text values: render.php escapes and prints them, and the gateway's
 * feed routes send the same values to the browser (`to_array()`), which swaps them in as text. Every field
 * is always filled, whatever a block shows, so one item serves every block on the page.
 *
 * @phpstan-type ImageArray array{src: string, srcset: string, sizes: string, width: int, height: int, alt: string}
 * @phpstan-type ItemArray array{
 *   id: int,
 *   title: string,
 *   url: string,
 *   excerpt: string,
 *   date_iso: string,
 *   date_display: string,
 *   author: string,
 *   category: string,
 *   category_url: string,
 *   reason: string,
 *   image: ImageArray|null,
 * }
 */
final class FeedItem {

	/**
	 * The featured image size of every item: the browser picks a larger one from `srcset` when it needs to.
	 */
	public const IMAGE_SIZE = 'medium';

	/**
	 * Holds the values.
	 *
	 * @param int        $post_id      Post ID.
	 * @param string     $title        Title as plain text (entities decoded, no tags).
	 * @param string     $url          Permalink.
	 * @param string     $excerpt      Excerpt as plain text.
	 * @param string     $date_iso     Publication date in W3C format, for `<time datetime>`.
	 * @param string     $date_display Publication date in the site's date format.
	 * @param string     $author       Author's display name.
	 * @param string     $category     Name of the post's first category (by name); empty when it has none.
	 * @param string     $category_url Archive URL of that category; empty when it has none.
	 * @param string     $reason       Why the post is listed ("Editor's pick", "Because you read News"); may be empty.
	 * @param Image|null $image        Featured image; null when the post has none.
	 */
	public function __construct(
		public readonly int $post_id,
		public readonly string $title,
		public readonly string $url,
		public readonly string $excerpt,
		public readonly string $date_iso,
		public readonly string $date_display,
		public readonly string $author,
		public readonly string $category,
		public readonly string $category_url,
		public readonly string $reason,
		public readonly ?Image $image
	) {}

	/**
	 * Reads a post.
	 *
	 * @param WP_Post $post   A published post.
	 * @param string  $reason Translated reason text, or empty.
	 * @return self
	 */
	public static function from_post( WP_Post $post, string $reason ): self {
		$title    = self::text( get_the_title( $post ) );
		$category = self::first_category( $post );

		return new self(
			$post->ID,
			'' === $title ? __( '(no title)', 'switchboard' ) : $title,
			(string) get_permalink( $post ),
			self::text( get_the_excerpt( $post ) ),
			(string) get_the_date( DATE_W3C, $post ),
			self::text( (string) get_the_date( '', $post ) ),
			self::text( get_the_author_meta( 'display_name', (int) $post->post_author ) ),
			null === $category ? '' : self::text( $category->name ),
			null === $category ? '' : (string) get_category_link( $category ),
			$reason,
			Image::from_attachment( (int) get_post_thumbnail_id( $post ), self::IMAGE_SIZE )
		);
	}

	/**
	 * The same post with another reason.
	 *
	 * @param string $reason Translated reason text, or empty.
	 * @return self
	 */
	public function with_reason( string $reason ): self {
		return new self(
			$this->post_id,
			$this->title,
			$this->url,
			$this->excerpt,
			$this->date_iso,
			$this->date_display,
			$this->author,
			$this->category,
			$this->category_url,
			$reason,
			$this->image
		);
	}

	/**
	 * The item JSON the browser gets (issue 6 contract): the same fields the server render prints.
	 *
	 * @return ItemArray
	 */
	public function to_array(): array {
		return array(
			'id'           => $this->post_id,
			'title'        => $this->title,
			'url'          => $this->url,
			'excerpt'      => $this->excerpt,
			'date_iso'     => $this->date_iso,
			'date_display' => $this->date_display,
			'author'       => $this->author,
			'category'     => $this->category,
			'category_url' => $this->category_url,
			'reason'       => $this->reason,
			'image'        => null === $this->image ? null : array(
				'src'    => $this->image->src,
				'srcset' => $this->image->srcset,
				'sizes'  => $this->image->sizes,
				'width'  => $this->image->width,
				'height' => $this->image->height,
				'alt'    => $this->image->alt,
			),
		);
	}

	/**
	 * Plain text from a filtered WordPress string: tags stripped and entities decoded, because the browser
	 * sets these values as text and render.php escapes them once.
	 *
	 * @param string $value Title, excerpt, name.
	 * @return string
	 */
	private static function text( string $value ): string {
		return trim( html_entity_decode( wp_strip_all_tags( $value ), ENT_QUOTES | ENT_HTML5, 'UTF-8' ) );
	}

	/**
	 * The post's first category, by name, the way themes usually show one.
	 *
	 * @param WP_Post $post A post.
	 * @return WP_Term|null
	 */
	private static function first_category( WP_Post $post ): ?WP_Term {
		$categories = get_the_category( $post->ID );
		usort( $categories, fn( WP_Term $a, WP_Term $b ): int => strcasecmp( $a->name, $b->name ) );

		return $categories[0] ?? null;
	}
}
