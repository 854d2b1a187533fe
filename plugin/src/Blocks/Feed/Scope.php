<?php
/**
 * Which posts a feed block may list.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Feed;

use Switchboard\Feed\Ids;

/**
 * A block's scope (categories and tags to include or exclude) and its pinned posts, read from its
 * attributes: the same values drive the server list's query, the gateway's `GET /feed` arguments and the
 * browser's slot in `POST /feed/personal`.
 */
final class Scope {

	/**
	 * Most IDs per list, as the feed service accepts them.
	 */
	public const MAX_IDS = 50;

	/**
	 * Holds the values; use from_attributes().
	 *
	 * @param list<int> $category         Only posts in one of these categories (none: any).
	 * @param list<int> $exclude_category Never posts in these categories.
	 * @param list<int> $tag              Only posts with one of these tags (none: any).
	 * @param list<int> $exclude_tag      Never posts with these tags.
	 * @param list<int> $pinned           Posts listed first, in this order, whatever the scope.
	 */
	public function __construct(
		public readonly array $category,
		public readonly array $exclude_category,
		public readonly array $tag,
		public readonly array $exclude_tag,
		public readonly array $pinned
	) {}

	/**
	 * Reads the attributes.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @return self
	 */
	public static function from_attributes( array $attributes ): self {
		return new self(
			self::ids( $attributes['includeCategories'] ?? array() ),
			self::ids( $attributes['excludeCategories'] ?? array() ),
			self::ids( $attributes['includeTags'] ?? array() ),
			self::ids( $attributes['excludeTags'] ?? array() ),
			self::ids( $attributes['pinned'] ?? array() )
		);
	}

	/**
	 * The scope as `WP_Query` arguments.
	 *
	 * @return array<string, list<int>>
	 */
	public function query_args(): array {
		return array_filter(
			array(
				'category__in'     => $this->category,
				'category__not_in' => $this->exclude_category,
				'tag__in'          => $this->tag,
				'tag__not_in'      => $this->exclude_tag,
			),
			fn( array $ids ): bool => array() !== $ids
		);
	}

	/**
	 * The scope as query arguments of the gateway's `GET /switchboard/v1/feed`.
	 *
	 * @return array<string, string>
	 */
	public function gateway_args(): array {
		return array_map(
			fn( array $ids ): string => implode( ',', $ids ),
			array_filter(
				array(
					'category'         => $this->category,
					'exclude_category' => $this->exclude_category,
					'tag'              => $this->tag,
					'exclude_tag'      => $this->exclude_tag,
				),
				fn( array $ids ): bool => array() !== $ids
			)
		);
	}

	/**
	 * The slot the browser asks `POST /feed/personal` for (the contract's slot object).
	 *
	 * @param int $count Posts in the slot.
	 * @return array{count: int, category: list<int>, exclude_category: list<int>, tag: list<int>, exclude_tag: list<int>, pinned: list<int>}
	 */
	public function slot( int $count ): array {
		return array(
			'count'            => $count,
			'category'         => $this->category,
			'exclude_category' => $this->exclude_category,
			'tag'              => $this->tag,
			'exclude_tag'      => $this->exclude_tag,
			'pinned'           => $this->pinned,
		);
	}

	/**
	 * Positive, unique IDs from an attribute, at most MAX_IDS.
	 *
	 * @param mixed $value Attribute value.
	 * @return list<int>
	 */
	private static function ids( mixed $value ): array {
		return is_array( $value ) ? array_slice( Ids::from( $value ), 0, self::MAX_IDS ) : array();
	}
}
