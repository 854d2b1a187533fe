<?php
/**
 * Featured images for the demo posts.
 *
 * @package Switchboard
 */

declare(strict_types=1);

namespace SwitchboardDev\DemoContent;

use GdImage;
use RuntimeException;

/**
 * Draws featured images locally with GD: a diagonal gradient in the category's colors under one of five
 * geometric compositions, chosen and laid out from a seed. No network, no fonts, deterministic.
 */
final class ImageGenerator {

	public const WIDTH  = 1200;
	public const HEIGHT = 675;

	private const COMPOSITIONS = array( 'orbits', 'grid', 'bands', 'bubbles', 'waves' );

	/**
	 * Writes a JPEG to $path.
	 *
	 * @param array{0: string, 1: string, 2: string} $colors  Gradient start, gradient end, accent (RGB hex).
	 * @param string                                 $seed    Anything stable that identifies the image.
	 * @param string                                 $path    Where to write it.
	 * @param int                                    $quality JPEG quality, 0-100.
	 * @throws RuntimeException When GD lacks JPEG support or the file cannot be written.
	 */
	public static function write_jpeg( array $colors, string $seed, string $path, int $quality = 82 ): void {
		if ( ! function_exists( 'imagecreatetruecolor' ) || ! function_exists( 'imagejpeg' ) ) {
			throw new RuntimeException( 'PHP\'s GD extension with JPEG support is needed for the demo images.' );
		}
		$random = new Random( 'image:' . $seed );
		$image  = self::gradient( self::rgb( $colors[0] ), self::rgb( $colors[1] ), $random );
		imagealphablending( $image, true );

		$composition = self::COMPOSITIONS[ $random->between( 0, count( self::COMPOSITIONS ) - 1 ) ];
		self::$composition( $image, self::rgb( $colors[2] ), $random );

		if ( ! imagejpeg( $image, $path, $quality ) ) {
			throw new RuntimeException( "Could not write $path." );
		}
		imagedestroy( $image );
	}

	/**
	 * A smooth diagonal gradient: computed on a 32x18 grid, then scaled up bilinearly (fast even in WebAssembly).
	 *
	 * @param array{0: int, 1: int, 2: int} $from   Color at one end.
	 * @param array{0: int, 1: int, 2: int} $to     Color at the other end.
	 * @param Random                        $random Chooses the direction.
	 * @throws RuntimeException When GD cannot scale the image.
	 */
	private static function gradient( array $from, array $to, Random $random ): GdImage {
		$cols  = 32;
		$rows  = 18;
		$small = imagecreatetruecolor( $cols, $rows );
		// The gradient's direction differs per image.
		$angle = $random->fraction() * 2 * M_PI;
		$dx    = cos( $angle );
		$dy    = sin( $angle );
		for ( $y = 0; $y < $rows; $y++ ) {
			for ( $x = 0; $x < $cols; $x++ ) {
				$t = ( ( $x / ( $cols - 1 ) - 0.5 ) * $dx + ( $y / ( $rows - 1 ) - 0.5 ) * $dy ) / 1.2 + 0.5;
				$t = max( 0.0, min( 1.0, $t ) );
				imagesetpixel( $small, $x, $y, self::mix( $small, $from, $to, $t, 0 ) );
			}
		}
		$image = imagescale( $small, self::WIDTH, self::HEIGHT, IMG_BILINEAR_FIXED );
		imagedestroy( $small );
		if ( ! $image instanceof GdImage ) {
			throw new RuntimeException( 'GD could not scale the gradient.' );
		}
		return $image;
	}

	/**
	 * Concentric rings around an off-center point.
	 *
	 * @param GdImage                       $image  The canvas.
	 * @param array{0: int, 1: int, 2: int} $accent The accent color.
	 * @param Random                        $random Chooses the layout.
	 */
	private static function orbits( GdImage $image, array $accent, Random $random ): void {
		$cx = $random->between( 250, 950 );
		$cy = $random->between( 150, 525 );
		imagesetthickness( $image, $random->between( 3, 8 ) );
		$rings = $random->between( 6, 10 );
		for ( $i = 1; $i <= $rings; $i++ ) {
			$color = self::alpha( $image, $accent, 15 + $i * 9 );
			$size  = $i * $random->between( 90, 130 );
			imageellipse( $image, $cx, $cy, $size, $size, $color );
		}
		imagesetthickness( $image, 1 );
		imagefilledellipse( $image, $cx, $cy, 120, 120, self::alpha( $image, $accent, 10 ) );
	}

	/**
	 * A grid of dots whose size follows a wave.
	 *
	 * @param GdImage                       $image  The canvas.
	 * @param array{0: int, 1: int, 2: int} $accent The accent color.
	 * @param Random                        $random Chooses the layout.
	 */
	private static function grid( GdImage $image, array $accent, Random $random ): void {
		$step  = $random->between( 60, 90 );
		$phase = $random->fraction() * 6.28;
		$start = (int) ( $step / 2 );
		$rows  = range( $start, self::HEIGHT - 1, $step );
		$cols  = range( $start, self::WIDTH - 1, $step );
		foreach ( $rows as $y ) {
			foreach ( $cols as $x ) {
				$wave = ( sin( $x / 170 + $phase ) + cos( $y / 130 - $phase ) + 2 ) / 4;
				$size = (int) ( 8 + $wave * $step * 0.8 );
				imagefilledellipse( $image, $x, $y, $size, $size, self::alpha( $image, $accent, (int) ( 100 - $wave * 70 ) ) );
			}
		}
	}

	/**
	 * Translucent diagonal bands.
	 *
	 * @param GdImage                       $image  The canvas.
	 * @param array{0: int, 1: int, 2: int} $accent The accent color.
	 * @param Random                        $random Chooses the layout.
	 */
	private static function bands( GdImage $image, array $accent, Random $random ): void {
		$count = $random->between( 4, 7 );
		$slope = $random->between( 0, 1 ) ? 1 : -1;
		for ( $i = 0; $i < $count; $i++ ) {
			$x     = $random->between( -400, self::WIDTH );
			$width = $random->between( 40, 220 );
			$lean  = $slope * self::HEIGHT;
			$white = 0 === $i % 2 ? $accent : array( 255, 255, 255 );
			imagefilledpolygon(
				$image,
				array( $x, 0, $x + $width, 0, $x + $width + $lean, self::HEIGHT, $x + $lean, self::HEIGHT ),
				self::alpha( $image, $white, $random->between( 70, 105 ) )
			);
		}
	}

	/**
	 * Large overlapping translucent circles.
	 *
	 * @param GdImage                       $image  The canvas.
	 * @param array{0: int, 1: int, 2: int} $accent The accent color.
	 * @param Random                        $random Chooses the layout.
	 */
	private static function bubbles( GdImage $image, array $accent, Random $random ): void {
		$count = $random->between( 5, 9 );
		for ( $i = 0; $i < $count; $i++ ) {
			$size  = $random->between( 120, 520 );
			$color = 0 === $i % 3 ? array( 255, 255, 255 ) : $accent;
			imagefilledellipse(
				$image,
				$random->between( 0, self::WIDTH ),
				$random->between( 0, self::HEIGHT ),
				$size,
				$size,
				self::alpha( $image, $color, $random->between( 75, 110 ) )
			);
		}
	}

	/**
	 * Stacked sine waves.
	 *
	 * @param GdImage                       $image  The canvas.
	 * @param array{0: int, 1: int, 2: int} $accent The accent color.
	 * @param Random                        $random Chooses the layout.
	 */
	private static function waves( GdImage $image, array $accent, Random $random ): void {
		$lines     = $random->between( 5, 9 );
		$amplitude = $random->between( 20, 70 );
		$length    = $random->between( 180, 420 );
		imagesetthickness( $image, $random->between( 4, 10 ) );
		for ( $i = 0; $i < $lines; $i++ ) {
			$base  = (int) ( ( $i + 1 ) * self::HEIGHT / ( $lines + 1 ) );
			$phase = $i * 0.6;
			$color = self::alpha( $image, $accent, 30 + $i * 8 );
			$prevx = 0;
			$prevy = (int) ( $base + sin( $phase ) * $amplitude );
			for ( $x = 12; $x <= self::WIDTH; $x += 12 ) {
				$y = (int) ( $base + sin( $x / $length * 6.28 + $phase ) * $amplitude );
				imageline( $image, $prevx, $prevy, $x, $y, $color );
				$prevx = $x;
				$prevy = $y;
			}
		}
		imagesetthickness( $image, 1 );
	}

	/**
	 * Hex "rrggbb" to [r, g, b].
	 *
	 * @param string $hex Six hex digits.
	 * @return array{0: int, 1: int, 2: int}
	 */
	private static function rgb( string $hex ): array {
		return array( (int) hexdec( substr( $hex, 0, 2 ) ), (int) hexdec( substr( $hex, 2, 2 ) ), (int) hexdec( substr( $hex, 4, 2 ) ) );
	}

	/**
	 * A color with GD's alpha (0 opaque, 127 transparent).
	 *
	 * @param GdImage                       $image The canvas.
	 * @param array{0: int, 1: int, 2: int} $rgb   The color.
	 * @param int                           $alpha 0 (opaque) to 127 (transparent).
	 */
	private static function alpha( GdImage $image, array $rgb, int $alpha ): int {
		return (int) imagecolorallocatealpha( $image, $rgb[0], $rgb[1], $rgb[2], max( 0, min( 127, $alpha ) ) );
	}

	/**
	 * The color between two at t in [0, 1].
	 *
	 * @param GdImage                       $image The canvas.
	 * @param array{0: int, 1: int, 2: int} $from  Color at t = 0.
	 * @param array{0: int, 1: int, 2: int} $to    Color at t = 1.
	 * @param float                         $t     Position between them.
	 * @param int                           $alpha 0 (opaque) to 127 (transparent).
	 */
	private static function mix( GdImage $image, array $from, array $to, float $t, int $alpha ): int {
		return self::alpha(
			$image,
			array(
				(int) round( $from[0] + ( $to[0] - $from[0] ) * $t ),
				(int) round( $from[1] + ( $to[1] - $from[1] ) * $t ),
				(int) round( $from[2] + ( $to[2] - $from[2] ) * $t ),
			),
			$alpha
		);
	}
}
