<?php
/**
 * Prints one gateway token for the feed service (`aud` feed, no `sub`: an anonymous visitor's request), valid
 * for the longest lifetime the plugin allows (JwtSigner::MAX_TTL, 60 s): bench/feed-gateway.ts mints one
 * right before each run that calls the service directly, the baseline the gateway's overhead is measured
 * against. Signed with the site's own keys, so the service verifies it against the site's JWKS as it
 * verifies the gateway's.
 *
 * Run through `bin/wp-server php --name NAME bench/feed-token.php`.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

use Switchboard\Identity\JwtSigner;
use Switchboard\Identity\ServiceTokens;

wp_set_current_user( 0 );
add_filter( 'switchboard_service_token_ttl', static fn(): int => JwtSigner::MAX_TTL );
echo ServiceTokens::for_this_site()->token_for( 'feed' ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- a compact JWS (base64url and dots) for the bench's own standard output.
