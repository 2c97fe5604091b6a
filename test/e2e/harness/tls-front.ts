/**
 * An HTTPS front for the (plain HTTP) sandbox, like Coupang's gateway is HTTPS: it terminates TLS with a
 * self-signed certificate for 127.0.0.1 (made with openssl; n8n trusts it through NODE_EXTRA_CA_CERTS) and pipes
 * the bytes to the sandbox unchanged. The sandbox then sees this front as its client, so the front keeps the
 * address of every TLS client itself: through an HTTPS_PROXY, that is the proxy's (CONNECT tunnel).
 *
 * The certificate also names `localhost`: n8n 2.41's tunnelling agent (https-proxy-agent under
 * @n8n/backend-network's proxied-agents.js) drops `servername` for an IP-literal target, and Node then checks the
 * certificate against "localhost" ("Host: localhost. is not cert's CN: 127.0.0.1"). Coupang's gateway is a host
 * name, which does not hit this.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:tls';

import { runCommandOrThrow } from './processes';

export class TlsFront {
	private constructor(
		private readonly server: Server,
		readonly port: number,
		/** PEM of the self-signed certificate (give it to n8n as NODE_EXTRA_CA_CERTS). */
		readonly certificateFile: string,
		private readonly folder: string,
		/** Client address of each TLS connection, in order. */
		readonly clientAddresses: string[],
	) {}

	static async start(target: { host: string; port: number }): Promise<TlsFront> {
		const folder = mkdtempSync(join(tmpdir(), 'n8n-e2e-tls-'));
		const keyFile = join(folder, 'key.pem');
		const certificateFile = join(folder, 'cert.pem');
		await runCommandOrThrow(
			'openssl req',
			'openssl',
			['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', keyFile, '-out', certificateFile],
			{ timeoutMs: 60_000 },
		);
		const clientAddresses: string[] = [];
		const server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certificateFile) }, (socket) => {
			clientAddresses.push(socket.remoteAddress ?? '');
			const upstream = connect(target.port, target.host);
			socket.pipe(upstream).pipe(socket);
			const close = (): void => {
				socket.destroy();
				upstream.destroy();
			};
			socket.on('error', close);
			upstream.on('error', close);
			socket.on('close', close);
			upstream.on('close', close);
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', () => resolve());
		});
		return new TlsFront(server, (server.address() as AddressInfo).port, certificateFile, folder, clientAddresses);
	}

	get url(): string {
		return `https://127.0.0.1:${this.port}`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
		rmSync(this.folder, { recursive: true, force: true });
	}
}
