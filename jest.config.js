/**
 * Jest for the blocks: wp-scripts' unit-test configuration (jsdom, Babel with TypeScript, and
 * the WordPress jest-console matchers, which fail a test on any unexpected console message), limited to the
 * tests that sit beside each block's code.
 */
const defaultConfig = require( '@wordpress/scripts/config/jest-unit.config' );

// Dependencies of @wordpress/components that ship only ES modules, which Jest must compile.
const esmOnly = [ 'uuid', '@wordpress/theme' ];

module.exports = {
	...defaultConfig,
	rootDir: __dirname,
	testMatch: [
		'<rootDir>/blocks/**/test/*.test.[jt]s?(x)',
		'<rootDir>/admin/**/test/*.test.[jt]s?(x)',
	],
	testPathIgnorePatterns: [ '/node_modules/', '<rootDir>/plugin/build/' ],
	transform: {
		'\\.m?[jt]sx?$':
			require.resolve( '@wordpress/scripts/config/babel-transform' ),
	},
	transformIgnorePatterns: [
		`/node_modules/(?!(${ esmOnly.join( '|' ) })/)`,
	],
};
