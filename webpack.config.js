/**
 * The build: @wordpress/scripts' own configurations (blocks as scripts and as script modules, with the
 * blocks manifest), unchanged, plus one entry for Settings → Switchboard, built from admin/settings/ into
 * plugin/build/admin/settings.js with its settings.asset.php (dependencies and version) and its CSS.
 */
const path = require( 'node:path' );
const defaults = require( '@wordpress/scripts/config/webpack.config' );

const [ scripts, ...rest ] = Array.isArray( defaults )
	? defaults
	: [ defaults ];

module.exports = [
	{
		...scripts,
		entry: async () => ( {
			...( await ( typeof scripts.entry === 'function'
				? scripts.entry()
				: scripts.entry ) ),
			'admin/settings': path.resolve(
				__dirname,
				'admin/settings/index.tsx'
			),
		} ),
	},
	...rest,
];
