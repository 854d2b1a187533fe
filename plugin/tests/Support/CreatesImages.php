<?php
/**
 * Image attachments for tests that render or hydrate posts with a featured image.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

/**
 * One fake photo with the sizes WordPress would have made, shared by the block tests and the feed's
 * hydrator tests so both read the same `medium` size.
 */
trait CreatesImages {

	/**
	 * Creates an image attachment with the sizes WordPress would have made, without an image file.
	 *
	 * @param string $alt Alternative text, empty for none.
	 * @return int Attachment ID.
	 */
	protected function create_image( string $alt ): int {
		$id = wp_insert_attachment(
			array(
				'post_title'     => 'Photo',
				'post_mime_type' => 'image/jpeg',
				'post_status'    => 'inherit',
			),
			'2024/01/photo.jpg'
		);
		$this->assertGreaterThan( 0, $id );
		$size = fn( string $file, int $width, int $height ): array => array(
			'file'      => $file,
			'width'     => $width,
			'height'    => $height,
			'mime-type' => 'image/jpeg',
		);
		wp_update_attachment_metadata(
			$id,
			array(
				'width'  => 1200,
				'height' => 800,
				'file'   => '2024/01/photo.jpg',
				'sizes'  => array(
					'thumbnail'    => $size( 'photo-150x150.jpg', 150, 150 ),
					'medium'       => $size( 'photo-300x200.jpg', 300, 200 ),
					'medium_large' => $size( 'photo-768x512.jpg', 768, 512 ),
				),
			)
		);
		if ( '' !== $alt ) {
			update_post_meta( $id, '_wp_attachment_image_alt', $alt );
		}

		return $id;
	}
}
