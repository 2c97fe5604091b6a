// A local fake of Coupang's API gateway for our endpoints: strict authentication, validation and error texts,
// deterministic data, a control surface under /__sandbox/ and fault injection. This file starts one; see
// README.md for the layout.

import { SandboxClock } from './clock';
import { API_ROUTES, DOMAIN_CONTROL_ROUTES } from './domains';
import type { SandboxAccount } from './gateway/auth';
import { FaultEngine, type FaultSettings } from './gateway/faults';
import { Gateway } from './gateway/gateway';
import { Readings, type SandboxReadings } from './gateway/readings';
import { RequestLog, type RequestLogEntry } from './gateway/requestLog';
import { SANDBOX_CONTROL_ROUTES } from './gateway/sandboxControlRoutes';
import type { SandboxState } from './gateway/sandboxState';
import { serveHttp, type RunningServer } from './server';
import { DEFAULT_SIZES, SandboxStore, sizesOr, type DataSizes } from './store';

export { SandboxStore } from './store';
export type { DataSizes } from './store';
export type { SandboxAccount } from './gateway/auth';
export { OTHER_VENDOR_ID } from './seeding';
export type { FaultConfig, FaultSettings, FailNextRule } from './gateway/faults';
export { COUPANG_RATE_LIMIT_PER_SECOND, DEFAULT_BLOCK_MS } from './gateway/faults';
export type { SandboxReadings } from './gateway/readings';
export type { RequestLogEntry } from './gateway/requestLog';
export * from './inquiries/model';
export * from './inquiries/wireFormat';
export type { AddCallCenterInquiriesInput, CallCenterInquiryQuery } from './inquiries/callCenterInquiryStore';
export type { AddProductInquiriesInput, ProductInquiryQuery } from './inquiries/productInquiryStore';
export * from './products/model';
export * from './products/wireFormat';
export type { AddProductsInput } from './products/productStore';
export * from './orders/model';
export * from './orders/wireFormat';
export type { AddOrdersInput, OrderListQuery } from './orders/orderStore';
export { ORDER_READING_CHOICES, type OrderReadingName, type OrderReadingValues } from './orders/readings';
export * from './returns/model';
export * from './returns/wireFormat';
export type { AddReturnsInput } from './returns/returnStore';
export * from './exchanges/model';
export * from './exchanges/wireFormat';
export type { AddExchangesInput } from './exchanges/exchangeStore';
export * from './productItems/model';
export * from './productItems/wireFormat';
export type { AddProductItemsInput } from './productItems/productItemStore';

export const DEFAULT_SANDBOX_PORT = 8090;
export const DEFAULT_ACCESS_KEY = 'sandbox-access-key';
export const DEFAULT_SECRET_KEY = 'sandbox-secret-key';
export const DEFAULT_VENDOR_ID = 'A00012345';

/** Besides these, the seed and the data sizes (DataSizes in store.ts). */
export interface SandboxOptions extends Partial<DataSizes> {
	/** 0 = random free port (tests); default 8090. */
	port?: number;
	accessKey?: string;
	secretKey?: string;
	vendorId?: string;
	/** Initial server clock (default: real clock). Seeded data is spread over the 30 days before it. */
	now?: Date;
	/** More sellers that can sign requests (their vendor IDs own no seeded data unless it is A00099999's). */
	otherAccounts?: SandboxAccount[];
	/** Optional logger; never receives secrets. */
	log?: (line: string) => void;
}

export interface RunningSandbox {
	url: string;
	port: number;
	accessKey: string;
	secretKey: string;
	vendorId: string;
	store: SandboxStore;
	requestLog(): RequestLogEntry[];
	clearRequestLog(): void;
	setFaults(faults: FaultSettings): void;
	clearFaults(): void;
	/** Where Coupang is silent: which reading the sandbox follows (README.md, "Readings"). */
	setReadings(readings: Partial<SandboxReadings>): void;
	clearReadings(): void;
	readings(): SandboxReadings;
	/** null = follow the real clock; otherwise a fixed offset from Date.now(). */
	setClock(now: Date | null): void;
	now(): Date;
	stop(): Promise<void>;
}

function sandboxState(opts: SandboxOptions, log: (line: string) => void): SandboxState {
	const account: SandboxAccount = {
		accessKey: opts.accessKey ?? DEFAULT_ACCESS_KEY,
		secretKey: opts.secretKey ?? DEFAULT_SECRET_KEY,
		vendorId: opts.vendorId ?? DEFAULT_VENDOR_ID,
	};
	const clock = new SandboxClock(opts.now);
	const initialSizes = sizesOr(DEFAULT_SIZES, (key) => opts[key]);
	const store = new SandboxStore(account.vendorId, () => clock.nowMs(), initialSizes);
	const accounts = [account, ...(opts.otherAccounts ?? [])];
	return { account, accounts, clock, store, faults: new FaultEngine(), readings: new Readings(), requestLog: new RequestLog(log), initialSizes };
}

function runningSandbox(state: SandboxState, server: RunningServer): RunningSandbox {
	const { account, clock, faults, readings, requestLog } = state;
	return {
		url: `http://127.0.0.1:${server.port}`,
		port: server.port,
		accessKey: account.accessKey,
		secretKey: account.secretKey,
		vendorId: account.vendorId,
		store: state.store,
		requestLog: () => requestLog.list(),
		clearRequestLog: () => requestLog.clear(),
		setFaults: (partial) => faults.set(partial),
		clearFaults: () => faults.clear(),
		setReadings: (partial) => readings.set(partial),
		clearReadings: () => readings.clear(),
		readings: () => ({ ...readings.current }),
		setClock: (now) => clock.set(now),
		now: () => new Date(clock.nowMs()),
		stop: () => server.stop(),
	};
}

export async function startSandbox(opts: SandboxOptions = {}): Promise<RunningSandbox> {
	const log = opts.log ?? ((): void => undefined);
	const state = sandboxState(opts, log);
	const gateway = new Gateway(state, { api: API_ROUTES, control: [...SANDBOX_CONTROL_ROUTES, ...DOMAIN_CONTROL_ROUTES] }, log);
	const server = await serveHttp(opts.port ?? DEFAULT_SANDBOX_PORT, gateway);
	return runningSandbox(state, server);
}
