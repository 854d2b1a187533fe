/**
 * The Appearance API: a theme and variables, applied as CSS custom properties on the frame's root, so the
 * stylesheet (in ../pages.ts) needs no rebuild when the merchant changes them.
 */
import type { Appearance, AppearanceVariable } from '../client/protocol';

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
