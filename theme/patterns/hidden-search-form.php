<?php
/**
 * Title: Search form
 * Slug: switchboard-theme/hidden-search-form
 * Inserter: no
 * Description: The search form at the top of the search results.
 *
 * @package switchboard-theme
 */

?>
<!-- wp:search {"label":"<?php echo esc_attr_x( 'Search', 'Search form label.', 'switchboard-theme' ); ?>","showLabel":false,"placeholder":"<?php echo esc_attr_x( 'Search stories…', 'Search input placeholder.', 'switchboard-theme' ); ?>","buttonText":"<?php echo esc_attr_x( 'Search', 'Search button text.', 'switchboard-theme' ); ?>","style":{"spacing":{"margin":{"top":"var:preset|spacing|40","bottom":"var:preset|spacing|50"}}}} /-->
