// Everything a running sandbox holds, shared by the gateway and the control routes.

import type { SandboxClock } from '../clock';
import type { DataSizes, SandboxStore } from '../store';
import type { SandboxAccount } from './auth';
import type { FaultEngine } from './faults';
import type { Readings } from './readings';
import type { RequestLog } from './requestLog';

export interface SandboxState {
	/** The seller the sandbox's data is about. */
	account: SandboxAccount;
	/** Every account that can sign requests: `account` first, then other vendors (e.g. for per-vendor blocks). */
	accounts: SandboxAccount[];
	clock: SandboxClock;
	store: SandboxStore;
	faults: FaultEngine;
	readings: Readings;
	requestLog: RequestLog;
	/** The sizes the sandbox started with: what a reset without sizes goes back to. */
	initialSizes: DataSizes;
}
