/**
 * Reads the demo content through the REST API, so journeys check what the site really holds
 * rather than names copied from the seeder.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';

export type PostSummary = {
	id: number;
	link: string;
	title: { raw: string };
	excerpt: { raw: string };
	author: number;
	categories: number[];
	tags: number[];
	featured_media: number;
};

export type TermSummary = {
	id: number;
	name: string;
	link: string;
	count: number;
};

export async function latestPosts(
	requestUtils: RequestUtils,
	perPage = 10
): Promise< PostSummary[] > {
	return requestUtils.rest< PostSummary[] >( {
		path: '/wp/v2/posts',
		params: { per_page: perPage, context: 'edit', status: 'publish' },
	} );
}

export async function postsInCategory(
	requestUtils: RequestUtils,
	categoryId: number
): Promise< PostSummary[] > {
	return requestUtils.rest< PostSummary[] >( {
		path: '/wp/v2/posts',
		params: {
			categories: categoryId,
			per_page: 5,
			context: 'edit',
			status: 'publish',
		},
	} );
}

export async function usedCategories(
	requestUtils: RequestUtils
): Promise< TermSummary[] > {
	const categories = await requestUtils.rest< TermSummary[] >( {
		path: '/wp/v2/categories',
		params: { per_page: 100, hide_empty: true },
	} );
	return categories.filter( ( category ) => category.count > 0 );
}
