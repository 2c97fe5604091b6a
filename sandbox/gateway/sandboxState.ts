// Everything a running sandbox holds, shared by the gateway and the control routes.

import type { SandboxClock } from '../clock';
import type { DataSizes, SandboxStore } from '../store';
import type { SandboxAccount } from './auth';
import type { FaultEngine } from './faults';
import type { RequestLog } from './requestLog';

export interface SandboxState {
	account: SandboxAccount;
	clock: SandboxClock;
	store: SandboxStore;
	faults: FaultEngine;
	requestLog: RequestLog;
	/** The sizes the sandbox started with: what a reset without sizes goes back to. */
	initialSizes: DataSizes;
}
