// The WordPress coding standards' Prettier settings, as wp-scripts applies them through ESLint.
module.exports = require( '@wordpress/prettier-config' );
