/**
 * ESLint for the project's TypeScript: wp-scripts' own configuration (WordPress rules, Prettier,
 * typescript-eslint for .ts/.tsx), plus test rules for the TypeScript tests beside the blocks and the
 * Playwright journeys.
 */
const wpScriptsConfig = require( '@wordpress/scripts/config/eslint.config.cjs' );
const wpPlugin = require( '@wordpress/eslint-plugin' );

module.exports = [
	...wpScriptsConfig,

	{
		ignores: [ 'plugin/build/**', 'artifacts/**', '.cache/**' ],
	},

	// Jest tests beside the blocks (wp-scripts applies these rules to JavaScript tests only).
	...wpPlugin.configs[ 'test-unit' ].map( ( config ) => ( {
		...config,
		files: [
			'blocks/**/test/**/*.{ts,tsx}',
			'admin/**/test/**/*.{ts,tsx}',
		],
	} ) ),

	// Playwright journeys.
	...wpPlugin.configs[ 'test-playwright' ].map( ( config ) => ( {
		...config,
		files: [ 'e2e/**/*.ts' ],
	} ) ),

	// Babel strips types file by file, so a type-only import must say so to be dropped.
	{
		files: [ 'blocks/**/*.{ts,tsx}', 'admin/**/*.{ts,tsx}' ],
		rules: {
			'@typescript-eslint/consistent-type-imports': [
				'error',
				{ fixStyle: 'inline-type-imports' },
			],
		},
	},
];
