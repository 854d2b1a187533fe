/**
 * Payloads of the `switchboard/v1/admin/...` routes, as the PHP controllers build them.
 */

/** Where a service's base URL comes from. */
export type UrlSource = 'constant' | 'env' | 'setting' | 'none';

/** A one-word summary of a service's health. */
export type ServiceStatus =
	'unconfigured' | 'down' | 'degraded' | 'idle' | 'up';

/** The state of a service's circuit breaker. */
export type CircuitState = 'closed' | 'open' | 'half-open';

/** One minute of a service's gateway traffic. */
export type MetricsPoint = {
	/** Start of the minute, Unix seconds. */
	time: number;
	requests: number;
	failures: number;
	p95_ms: number | null;
};

/** The last hour of a service's gateway traffic. */
export type ServiceMetrics = {
	window_minutes: number;
	requests: number;
	failures: number;
	error_rate: number | null;
	cache_hits: number;
	cache_misses: number;
	cache_hit_ratio: number | null;
	p50_ms: number | null;
	p95_ms: number | null;
	series: MetricsPoint[];
};

/** `GET admin/health`, one service. */
export type ServiceHealth = {
	id: string;
	label: string;
	configured: boolean;
	url: string;
	url_source: UrlSource;
	status: ServiceStatus;
	circuit: {
		state: CircuitState;
		failures: number;
		retry_at: number | null;
		last_failure: { code: string; message: string; time: number } | null;
	};
	metrics: ServiceMetrics;
};

/** Number of outbox rows per status. */
export type OutboxCounts = {
	pending: number;
	delivered: number;
	dead: number;
};

/** `GET admin/health`. */
export type HealthReport = {
	generated_at: number;
	services: ServiceHealth[];
	outbox: OutboxCounts;
};

/** `GET|POST admin/settings`, one service. */
export type ServiceSettings = {
	id: string;
	label: string;
	url: string;
	source: UrlSource;
	editable: boolean;
	/** Name of the constant or environment variable that can set the URL. */
	variable: string;
	configured: boolean;
};

/** `GET|POST admin/settings`. */
export type SettingsReport = {
	services: ServiceSettings[];
};

/** `POST admin/services/<id>/test`. */
export type ConnectionTest =
	| { ok: true; id: string; latency_ms: number }
	| {
			ok: false;
			id: string;
			latency_ms: number;
			code: string;
			message: string;
			status: number;
	  };

/** `GET admin/outbox`, one row. */
export type OutboxItem = {
	id: number;
	service: string;
	type: string;
	status: 'pending' | 'dead';
	attempts: number;
	last_error: string;
	created_at: number;
	next_attempt_at: number | null;
};

/** `GET admin/outbox`. */
export type OutboxPage = {
	items: OutboxItem[];
	total: number;
	total_pages: number;
	page: number;
	per_page: number;
	counts: OutboxCounts;
};

/** An error as `@wordpress/api-fetch` rejects with it. */
export type RestError = {
	code?: string;
	message?: string;
	data?: { status?: number; fields?: Record< string, string > } | null;
};

/** The services whose index WordPress keeps in line: the search index, the feed catalogue. */
export type SyncService = 'search' | 'feed';

/** What a sync does: resend everything, or fix only drift. */
export type SyncMode = 'reindex' | 'reconcile';

/** Where a sync stands. */
export type SyncStatus = 'running' | 'done' | 'failed' | 'cancelled';

/** Documents a sync sent, skipped, removed, and the drift it found. */
export type SyncCounts = {
	indexed: number;
	skipped: number;
	rejected: number;
	removed: number;
	missing: number;
	stale: number;
	extra: number;
};

/** The stored state of a re-index or reconciliation job. */
export type SyncJob = {
	id: string;
	mode: SyncMode;
	status: SyncStatus;
	/** Highest post id handled. */
	cursor: number;
	processed: number;
	/** Published posts when the job started. */
	total: number;
	index_total: number | null;
	counts: SyncCounts;
	/** The first ids of each kind of drift fixed. */
	fixed: { missing: number[]; stale: number[]; extra: number[] };
	rejected: Array< { id: number; code: string; message: string } >;
	steps: number;
	started_at: number;
	updated_at: number;
	finished_at: number | null;
	error: { code: string; message: string } | null;
};

/** `GET switchboard/v1/admin/<service>/sync`. */
export type SyncReport = {
	job: SyncJob | null;
	busy: boolean;
	/** Posts WordPress publishes for the index. */
	published: number;
	/** Documents in the index, or null when the service could not say. */
	index: number | null;
	index_error: string | null;
};

/** The answer of the routes that start, step, resume or cancel a job. */
export type SyncAnswer = {
	job: SyncJob;
	busy: boolean;
};

/** What readers did with one kind of feed answer. */
export type FeedModeStats = {
	impressions: number;
	clicks: number;
	/** Clicks per impression, or null before any impression. */
	ctr: number | null;
};

/** The kinds of feed answer: ranked for the reader, the holdout's non-personal ranking, too little history. */
export type FeedMode = 'personalized' | 'holdout' | 'cold';

/** The feed service's statistics, as WordPress copies them from its `GET /v1/stats`. */
export type FeedStats = {
	catalogue: number;
	profiles: number;
	events: number;
	/** Share of profiles given the non-personal ranking, or null when the service did not say. */
	holdout_share: number | null;
	modes: Record< FeedMode, FeedModeStats >;
	/** Personalized CTR / holdout CTR − 1, or null when it cannot be measured yet. */
	lift: number | null;
};

/** `GET switchboard/v1/admin/feed/stats`. */
export type FeedStatsReport = {
	stats: FeedStats;
	/** Unix time WordPress read them. */
	generated_at: number;
};
