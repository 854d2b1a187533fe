<?php
/**
 * Server render of switchboard/feed: the list every visitor gets, safe for full-page caches, and the
 * Interactivity context the view script personalizes it from after consent.
 *
 * Every value comes from the view model; this file only escapes and prints. Every item box prints the same
 * elements whatever the post has (an empty image box without a featured image, an empty category), so the
 * view can swap an item's content without moving anything.
 *
 * @package Switchboard
 *
 * @var array<string, mixed> $attributes Block attributes.
 * @var WP_Block             $block      The block, for its `postId` context.
 */

declare( strict_types=1 );

use Switchboard\Blocks\Feed\RenderedPosts;
use Switchboard\Blocks\Feed\ViewConfig;
use Switchboard\Blocks\Feed\ViewModel;

$switchboard_view      = ViewModel::from_attributes( $attributes, (int) ( $block->context['postId'] ?? 0 ) );
$switchboard_show_meta = $switchboard_view->show_date || $switchboard_view->show_author || $switchboard_view->show_category;
// One consent prompt per page, in the first block that personalizes, and only when the block owns consent.
$switchboard_prompt = $switchboard_view->personalize
	&& array() !== $switchboard_view->items
	&& 'prompt' === ViewConfig::config()['consent']['mode']
	&& RenderedPosts::current()->take_prompt();

ViewConfig::provide();
?>
<section
	<?php
	// phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the wrapper attributes.
	echo get_block_wrapper_attributes(
		array(
			'class'           => 'wp-block-switchboard-feed--' . $switchboard_view->layout . ( $switchboard_view->show_image ? ' has-images' : '' ),
			'aria-labelledby' => $switchboard_view->heading_id(),
		)
	);
	?>
	data-wp-interactive="switchboard/feed"
	<?php echo wp_interactivity_data_wp_context( $switchboard_view->context() ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- core escapes the context attribute. ?>
	data-wp-init="callbacks.init"
>
	<h2 class="wp-block-switchboard-feed__heading" id="<?php echo esc_attr( $switchboard_view->heading_id() ); ?>"><?php echo esc_html( $switchboard_view->heading ); ?></h2>

	<?php if ( array() === $switchboard_view->items ) : ?>
		<p class="wp-block-switchboard-feed__empty"><?php esc_html_e( 'No posts to show yet.', 'switchboard' ); ?></p>
	<?php else : ?>
		<ul class="wp-block-switchboard-feed__list">
			<?php foreach ( $switchboard_view->items as $switchboard_position => $switchboard_item ) : ?>
				<li class="wp-block-switchboard-feed__item">
					<article class="wp-block-switchboard-feed__card">
						<?php if ( $switchboard_view->show_image ) : ?>
							<?php if ( null === $switchboard_item->image ) : ?>
								<span class="wp-block-switchboard-feed__media"></span>
							<?php else : ?>
								<a
									class="wp-block-switchboard-feed__media"
									href="<?php echo esc_url( $switchboard_item->url ); ?>"
									<?php if ( '' === $switchboard_item->image->alt ) : ?>
										aria-labelledby="<?php echo esc_attr( $switchboard_view->title_id( $switchboard_position ) ); ?>"
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
						<?php endif; ?>
						<h3 class="wp-block-switchboard-feed__title" id="<?php echo esc_attr( $switchboard_view->title_id( $switchboard_position ) ); ?>">
							<a href="<?php echo esc_url( $switchboard_item->url ); ?>"><?php echo esc_html( $switchboard_item->title ); ?></a>
						</h3>
						<?php if ( $switchboard_show_meta ) : ?>
							<p class="wp-block-switchboard-feed__meta">
								<?php if ( $switchboard_view->show_date ) : ?>
									<time class="wp-block-switchboard-feed__date" datetime="<?php echo esc_attr( $switchboard_item->date_iso ); ?>"><?php echo esc_html( $switchboard_item->date_display ); ?></time>
								<?php endif; ?>
								<?php if ( $switchboard_view->show_author ) : ?>
									<span class="wp-block-switchboard-feed__author">
										<?php
										/* translators: %s: the author's name. */
										echo esc_html( sprintf( __( 'By %s', 'switchboard' ), $switchboard_item->author ) );
										?>
									</span>
								<?php endif; ?>
								<?php if ( $switchboard_view->show_category ) : ?>
									<a class="wp-block-switchboard-feed__category" href="<?php echo esc_url( $switchboard_item->category_url ); ?>"<?php echo '' === $switchboard_item->category ? ' hidden' : ''; ?>><?php echo esc_html( $switchboard_item->category ); ?></a>
								<?php endif; ?>
							</p>
						<?php endif; ?>
						<?php if ( $switchboard_view->show_excerpt ) : ?>
							<p class="wp-block-switchboard-feed__excerpt"><?php echo esc_html( $switchboard_item->excerpt ); ?></p>
						<?php endif; ?>
						<?php if ( $switchboard_view->show_reason ) : ?>
							<p class="wp-block-switchboard-feed__reason"><?php echo esc_html( $switchboard_item->reason ); ?></p>
						<?php endif; ?>
					</article>
				</li>
			<?php endforeach; ?>
		</ul>
	<?php endif; ?>

	<?php if ( $switchboard_prompt ) : ?>
		<?php // Both controls always take their space (hidden is visibility only, see style.scss): showing one moves nothing. ?>
		<div class="wp-block-switchboard-feed__consent">
			<p
				class="wp-block-switchboard-feed__prompt"
				role="group"
				aria-label="<?php esc_attr_e( 'Personalize this feed', 'switchboard' ); ?>"
				hidden
				data-wp-bind--hidden="!state.asking"
			>
				<span><?php esc_html_e( 'Personalize this feed from what you read on this site?', 'switchboard' ); ?></span>
				<button type="button" class="wp-block-switchboard-feed__allow wp-element-button" data-wp-on--click="actions.allow"><?php esc_html_e( 'Personalize', 'switchboard' ); ?></button>
				<button type="button" class="wp-block-switchboard-feed__dismiss" data-wp-on--click="actions.dismiss"><?php esc_html_e( 'Not now', 'switchboard' ); ?></button>
			</p>
			<p class="wp-block-switchboard-feed__stop" hidden data-wp-bind--hidden="!state.personal">
				<button type="button" class="wp-block-switchboard-feed__stop-button" data-wp-on--click="actions.stop"><?php esc_html_e( 'Stop personalizing', 'switchboard' ); ?></button>
			</p>
		</div>
	<?php endif; ?>
</section>
