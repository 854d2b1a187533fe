<?php
/**
 * Server render of switchboard/feed: the list every visitor gets, safe for full-page caches.
 *
 * Every value comes from the view model; this file only escapes and prints.
 *
 * @package Switchboard
 *
 * @var array<string, mixed> $attributes Block attributes.
 * @var WP_Block             $block      The block, for its `postId` context.
 */

declare( strict_types=1 );

use Switchboard\Blocks\Feed\ViewModel;

$switchboard_view = ViewModel::from_attributes( $attributes, (int) ( $block->context['postId'] ?? 0 ) );
?>
<section
	<?php
	// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the wrapper attributes.
	echo get_block_wrapper_attributes(
		array(
			'class'           => 'wp-block-switchboard-feed--' . $switchboard_view->layout,
			'aria-labelledby' => $switchboard_view->heading_id,
		)
	);
	?>
>
	<h2 class="wp-block-switchboard-feed__heading" id="<?php echo esc_attr( $switchboard_view->heading_id ); ?>"><?php echo esc_html( $switchboard_view->heading ); ?></h2>

	<?php if ( array() === $switchboard_view->items ) : ?>
		<p class="wp-block-switchboard-feed__empty"><?php esc_html_e( 'No posts to show yet.', 'switchboard' ); ?></p>
	<?php else : ?>
		<ul class="wp-block-switchboard-feed__list">
			<?php foreach ( $switchboard_view->items as $switchboard_item ) : ?>
				<li>
					<article class="wp-block-switchboard-feed__item<?php echo null === $switchboard_item->image ? '' : ' has-image'; ?>">
						<?php if ( null !== $switchboard_item->image ) : ?>
							<a
								class="wp-block-switchboard-feed__image-link"
								href="<?php echo esc_url( $switchboard_item->url ); ?>"
								<?php if ( '' === $switchboard_item->image->alt ) : ?>
									aria-labelledby="<?php echo esc_attr( $switchboard_item->title_id ); ?>"
								<?php endif; ?>
							>
								<img
									class="wp-block-switchboard-feed__image"
									src="<?php echo esc_url( $switchboard_item->image->src ); ?>"
									<?php if ( '' !== $switchboard_item->image->srcset ) : ?>
										srcset="<?php echo esc_attr( $switchboard_item->image->srcset ); ?>"
										sizes="<?php echo esc_attr( $switchboard_item->image->sizes ); ?>"
									<?php endif; ?>
									width="<?php echo esc_attr( (string) $switchboard_item->image->width ); ?>"
									height="<?php echo esc_attr( (string) $switchboard_item->image->height ); ?>"
									alt="<?php echo esc_attr( $switchboard_item->image->alt ); ?>"
									loading="lazy"
									decoding="async"
								/>
							</a>
						<?php endif; ?>
						<h3 class="wp-block-switchboard-feed__title" id="<?php echo esc_attr( $switchboard_item->title_id ); ?>">
							<a href="<?php echo esc_url( $switchboard_item->url ); ?>"><?php echo esc_html( $switchboard_item->title ); ?></a>
						</h3>
						<?php if ( $switchboard_view->show_date || '' !== $switchboard_item->author || '' !== $switchboard_item->category ) : ?>
							<p class="wp-block-switchboard-feed__meta">
								<?php if ( $switchboard_view->show_date ) : ?>
									<time datetime="<?php echo esc_attr( $switchboard_item->date_iso ); ?>"><?php echo esc_html( $switchboard_item->date_display ); ?></time>
								<?php endif; ?>
								<?php if ( '' !== $switchboard_item->author ) : ?>
									<span class="wp-block-switchboard-feed__author">
										<?php
										/* translators: %s: the author's name. */
										echo esc_html( sprintf( __( 'By %s', 'switchboard' ), $switchboard_item->author ) );
										?>
									</span>
								<?php endif; ?>
								<?php if ( '' !== $switchboard_item->category ) : ?>
									<a class="wp-block-switchboard-feed__category" href="<?php echo esc_url( $switchboard_item->category_url ); ?>"><?php echo esc_html( $switchboard_item->category ); ?></a>
								<?php endif; ?>
							</p>
						<?php endif; ?>
						<?php if ( '' !== $switchboard_item->excerpt ) : ?>
							<p class="wp-block-switchboard-feed__excerpt"><?php echo esc_html( $switchboard_item->excerpt ); ?></p>
						<?php endif; ?>
					</article>
				</li>
			<?php endforeach; ?>
		</ul>
	<?php endif; ?>
</section>
