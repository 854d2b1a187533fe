/**
 * The Appearance API: a theme and variables, applied as CSS custom properties on the frame's root, so the
 * stylesheet (in ../pages.ts) needs no rebuild when the merchant changes them.
 */
import type {
	Appearance,
	AppearanceVariable,
	FrameFont,
} from '../client/protocol';

/** Each theme's defaults, close to Stripe's own 'stripe', 'night' and 'flat' themes. */
const THEMES: Record<
	NonNullable< Appearance[ 'theme' ] >,
	Record< AppearanceVariable, string >
> = {
	stripe: {
		colorPrimary: '#0570de',
		colorBackground: '#ffffff',
		colorText: '#30313d',
		colorDanger: '#df1b41',
		fontFamily:
			'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Ubuntu, sans-serif',
		fontSizeBase: '16px',
		spacingUnit: '4px',
		borderRadius: '5px',
	},
	night: {
		colorPrimary: '#0570de',
		colorBackground: '#30313d',
		colorText: '#ffffff',
		colorDanger: '#fe87a1',
		fontFamily:
			'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Ubuntu, sans-serif',
		fontSizeBase: '16px',
		spacingUnit: '4px',
		borderRadius: '5px',
	},
	flat: {
		colorPrimary: '#0570de',
		colorBackground: '#f1f1f1',
		colorText: '#30313d',
		colorDanger: '#df1b41',
		fontFamily:
			'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Ubuntu, sans-serif',
		fontSizeBase: '16px',
		spacingUnit: '4px',
		borderRadius: '0px',
	},
};

/** A value is applied only when it cannot break out of its declaration. */
const SAFE_VALUE = /^[^;{}<>\\]{1,200}$/;

/**
 * CSS custom properties (`--colorPrimary`, ...) for an appearance: the theme's defaults with the
 * merchant's variables on top.
 *
 * @param appearance The merchant's appearance options.
 */
export function appearanceProperties(
	appearance: Appearance
): Record< string, string > {
	const theme = THEMES[ appearance.theme ?? 'stripe' ] ?? THEMES.stripe;
	const properties: Record< string, string > = {};
	for ( const [ name, fallback ] of Object.entries( theme ) ) {
		const given =
			appearance.variables?.[ name as AppearanceVariable ] ?? fallback;
		properties[ `--${ name }` ] = SAFE_VALUE.test( given )
			? given
			: fallback;
	}
	return properties;
}

/**
 * The theme name the stylesheet keys on (`data-theme`).
 *
 * @param appearance The merchant's appearance options.
 */
export function themeName( appearance: Appearance ): string {
	return appearance.theme && appearance.theme in THEMES
		? appearance.theme
		: 'stripe';
}

/**
 * Writing direction of a locale ("ar", "he", "fa", "ur" and their regions are right to left).
 *
 * @param locale A BCP 47 locale or 'auto'.
 */
export function directionOf( locale: string ): 'ltr' | 'rtl' {
	return /^(ar|he|fa|ur|yi)(-|$)/i.test( locale ) ? 'rtl' : 'ltr';
}

const FONT_SRC =
	/^url\((["']?)https?:\/\/[^"'()\s\\]+\1\)(\s+format\(["']?[a-z0-9-]+["']?\))?$/i;

/**
 * `@font-face` rules for the merchant's custom fonts, so the card form can use the page's font. Only plain
 * http(s) `url()` sources and well-formed descriptors are written: the values come from another origin's
 * page, and this is a stylesheet.
 *
 * @param fonts The fonts from `elements( { fonts } )`.
 */
export function fontFaceCss( fonts: readonly FrameFont[] ): string {
	const rules: string[] = [];
	for ( const font of fonts ) {
		if (
			! FONT_SRC.test( font.src ) ||
			! /^[\w \-]{1,64}$/.test( font.family )
		) {
			continue;
		}
		const descriptors = [
			`font-family: "${ font.family }"`,
			`src: ${ font.src }`,
			`font-display: ${
				/^(auto|block|swap|fallback|optional)$/.test(
					font.display ?? ''
				)
					? font.display
					: 'swap'
			}`,
		];
		if ( /^(normal|italic|oblique)$/.test( font.style ?? '' ) ) {
			descriptors.push( `font-style: ${ font.style }` );
		}
		if ( /^[0-9a-z ]{1,20}$/i.test( font.weight ?? '' ) ) {
			descriptors.push( `font-weight: ${ font.weight }` );
		}
		if ( /^[U+0-9A-Fa-f?,\s-]{1,200}$/.test( font.unicodeRange ?? '' ) ) {
			descriptors.push( `unicode-range: ${ font.unicodeRange }` );
		}
		rules.push( `@font-face { ${ descriptors.join( '; ' ) }; }` );
	}
	return rules.join( '\n' );
}
