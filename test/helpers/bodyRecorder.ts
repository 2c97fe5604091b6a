/**
 * A pass-through HTTP proxy in front of the sandbox that records what the node puts on the wire: method, path and
 * the raw JSON body (the sandbox's request log has no bodies). The signature covers method, path and query only, so
 * the sandbox verifies requests that came through the proxy as if they came directly. A test can also answer a
 * request itself (`respond`), for an answer the sandbox never gives (e.g. `resultCode: FAIL` inside an HTTP 200).
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	/** The body as sent, parsed (undefined when there was none). */
	body: unknown;
}

export interface BodyRecorder {
	url: string;
	requests: RecordedRequest[];
	/** Answers a request instead of the sandbox when it returns an answer (the request is still recorded). */
	respond?: (request: RecordedRequest) => { status: number; body: unknown } | undefined;
	stop(): Promise<void>;
}

export async function startBodyRecorder(targetUrl: string): Promise<BodyRecorder> {
	const target = new URL(targetUrl);
	const requests: RecordedRequest[] = [];
	const recorder: Partial<BodyRecorder> = {};
	const server: Server = createServer((incoming, outgoing) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
		incoming.on('end', () => {
			const raw = Buffer.concat(chunks);
			const text = raw.toString('utf8');
			const recorded = { method: incoming.method ?? '', path: (incoming.url ?? '').split('?')[0], body: text === '' ? undefined : (JSON.parse(text) as unknown) };
			requests.push(recorded);
			const own = recorder.respond?.(recorded);
			if (own) {
				outgoing.writeHead(own.status, { 'Content-Type': 'application/json' });
				outgoing.end(JSON.stringify(own.body));
				return;
			}
			const forward = httpRequest(
				{ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: { ...incoming.headers, host: target.host } },
				(answer) => {
					outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
					answer.pipe(outgoing);
				},
			);
			forward.on('error', () => outgoing.destroy());
			forward.end(raw);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return Object.assign(recorder, {
		url: `http://127.0.0.1:${port}`,
		requests,
		stop: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	});
}
