<?php
/**
 * An image as a block prints it.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks;

/**
 * The attributes of one responsive `<img>`, read from an attachment, for render.php to escape and print.
 *
 * Markup from `wp_get_attachment_image()` would have to pass through `wp_kses_post()` to be escaped late,
 * and that strips `srcset` and `sizes`; plain values keep the image responsive and every attribute escaped
 * where it is printed.
 */
final class Image {

	/**
	 * Holds the attributes.
	 *
	 * @param string $src    URL of the chosen size.
	 * @param int    $width  Width of that size in pixels.
	 * @param int    $height Height of that size in pixels.
	 * @param string $srcset Candidate URLs with their widths; empty when there is only one size.
	 * @param string $sizes  Layout widths for the browser to choose from `srcset`; empty without `srcset`.
	 * @param string $alt    Text alternative from the media library; empty when the image has none.
	 */
	public function __construct(
		public readonly string $src,
		public readonly int $width,
		public readonly int $height,
		public readonly string $srcset,
		public readonly string $sizes,
		public readonly string $alt
	) {}

	/**
	 * Reads an attachment in one of the registered sizes.
	 *
	 * @param int    $attachment_id Attachment post ID.
	 * @param string $size          Registered image size name.
	 * @return self|null Null when the attachment is missing or is not an image.
	 */
	public static function from_attachment( int $attachment_id, string $size ): ?self {
		if ( $attachment_id <= 0 ) {
			return null;
		}

		$source = wp_get_attachment_image_src( $attachment_id, $size );
		if ( ! is_array( $source ) || '' === (string) $source[0] ) {
			return null;
		}

		$width  = (int) $source[1];
		$height = (int) $source[2];
		$srcset = (string) wp_get_attachment_image_srcset( $attachment_id, $size );
		$sizes  = '' === $srcset ? '' : (string) wp_get_attachment_image_sizes( $attachment_id, $size );
		$alt    = self::alt_text( get_post_meta( $attachment_id, '_wp_attachment_image_alt', true ) );

		return new self( (string) $source[0], $width, $height, $srcset, $sizes, $alt );
	}

	/**
	 * The attachment's alternative text as plain text.
	 *
	 * @param mixed $meta Value of the `_wp_attachment_image_alt` meta, a string unless another plugin stored something else.
	 * @return string Empty when there is none.
	 */
	private static function alt_text( mixed $meta ): string {
		return is_scalar( $meta ) ? trim( wp_strip_all_tags( (string) $meta ) ) : '';
	}
}
