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
