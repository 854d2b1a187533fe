/**
 * The Payment Element styled like the block: Stripe's Appearance API variables from the block's computed
 * colours and font, so the card form follows the theme, its style variations and the block's own colours.
 */

/**
 * External dependencies
 */
import type { Appearance, CustomFontSource } from '@stripe/stripe-js';

/**
 * Whether a computed colour paints nothing.
 *
 * @param color Computed colour.
 * @return True for transparent.
 */
function isTransparent( color: string ): boolean {
	return (
		color === '' ||
		color === 'transparent' ||
		/^rgba\(.*,\s*0\)$/.test( color.replace( / /g, ' ' ) )
	);
}

/**
 * The background a block is painted on: its own, or the nearest ancestor's.
 *
 * @param element The block.
 * @param view    The window.
 * @return A computed colour.
 */
function backgroundOf( element: HTMLElement, view: Window ): string {
	for (
		let node: HTMLElement | null = element;
		node;
		node = node.parentElement
	) {
		const color = view.getComputedStyle( node ).backgroundColor;
		if ( ! isTransparent( color ) ) {
			return color;
		}
	}
	return '#ffffff';
}

/**
 * Relative luminance of an `rgb()` colour, 0 (black) to 1 (white).
 *
 * @param color Computed colour.
 * @return Luminance; 1 when it cannot be read.
 */
export function luminance( color: string ): number {
	const rgb = color
		.match( /\d+(\.\d+)?/g )
		?.slice( 0, 3 )
		.map( Number );
	if ( ! rgb || rgb.length < 3 ) {
		return 1;
	}
	const [ r, g, b ] = rgb.map( ( v ) => {
		const c = v / 255;
		return c <= 0.03928 ? c / 12.92 : ( ( c + 0.055 ) / 1.055 ) ** 2.4;
	} );
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The Appearance for a block.
 *
 * @param root The block's element.
 * @param view The window (tests pass their own).
 * @return Stripe Appearance options.
 */
export function appearanceFor(
	root: HTMLElement,
	view: Window = window
): Appearance {
	const style = view.getComputedStyle( root );
	const button = root.querySelector< HTMLElement >( '.wp-element-button' );
	const buttonStyle = button ? view.getComputedStyle( button ) : null;
	const background = backgroundOf( root, view );
	const primary =
		buttonStyle && ! isTransparent( buttonStyle.backgroundColor )
			? buttonStyle.backgroundColor
			: style.color;
	return {
		theme: luminance( background ) < 0.4 ? 'night' : 'stripe',
		variables: {
			colorPrimary: primary,
			colorBackground: background,
			colorText: style.color,
			fontFamily: style.fontFamily,
			fontSizeBase: style.fontSize,
			borderRadius: buttonStyle?.borderRadius || '4px',
		},
	};
}

/**
 * The page's own font faces for the block's font, as Stripe's custom font sources, so the Payment Element
 * (another origin's frame, which cannot see the page's @font-face rules) can use the same font. Read from the
 * page's same-origin stylesheets (WordPress prints a theme's font faces inline); a font's host must allow
 * cross-origin requests for the frame to load it.
 *
 * @param root The block.
 * @param view The window.
 * @return Up to 20 font sources.
 */
export function fontSourcesFor(
	root: HTMLElement,
	view: Window = window
): CustomFontSource[] {
	const unquote = ( name: string ) =>
		name.trim().replace( /^["']|["']$/g, '' );
	const families = view
		.getComputedStyle( root )
		.fontFamily.split( ',' )
		.map( ( name ) => unquote( name ).toLowerCase() );
	const sources: CustomFontSource[] = [];
	for ( const sheet of Array.from( view.document.styleSheets ) ) {
		let rules: CSSRuleList;
		try {
			rules = sheet.cssRules;
		} catch {
			continue; // Another origin's stylesheet cannot be read.
		}
		for ( const rule of Array.from( rules ) ) {
			// CSSRule.FONT_FACE_RULE: the constant is kept by every browser and by jsdom.
			if ( rule.type !== 5 ) {
				continue;
			}
			const style = ( rule as CSSFontFaceRule ).style;
			const family = unquote( style.getPropertyValue( 'font-family' ) );
			const url = /url\(\s*["']?([^"')]+)["']?\s*\)/.exec(
				style.getPropertyValue( 'src' )
			)?.[ 1 ];
			if ( ! url || ! families.includes( family.toLowerCase() ) ) {
				continue;
			}
			const fontStyle = style.getPropertyValue( 'font-style' );
			sources.push( {
				family,
				src: `url(${ new URL( url, sheet.href ?? view.location.href ).href })`,
				display: 'swap',
				weight: style.getPropertyValue( 'font-weight' ) || undefined,
				style:
					fontStyle === 'italic' || fontStyle === 'oblique'
						? fontStyle
						: 'normal',
			} );
		}
	}
	return sources.slice( 0, 20 );
}
