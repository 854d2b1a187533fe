/**
 * What the routes share.
 */
import type Stripe from 'stripe';

import type { CallbackDispatcher } from './callbacks';
import type { StripeConfig } from './config';
import type { Db } from './db';
import type { Ledger } from './ledger';
import type { PaymentService } from './payments';
import type { Reconciler } from './reconciler';

export interface ServiceState {
	db: Db;
	ledger: Ledger;
	payments: PaymentService;
	reconciler: Reconciler;
	dispatcher: CallbackDispatcher;
	stripe: Stripe;
	stripeConfig: StripeConfig;
	now: () => number;
}
