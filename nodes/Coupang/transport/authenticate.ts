import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import { readCoupangCredentials } from '../core/credentials';
import { buildSignedUrl, signRequest, type QueryParameters } from '../core/signing';

/**
 * The credential's `authenticate`: n8n hands us a relative `url`, a `baseURL` and a `qs` object. We encode the
 * query once, sign exactly that string, and return the absolute URL carrying it with no `qs`, so n8n's HTTP client
 * cannot encode the query differently from what was signed.
 */
export function authenticateCoupangRequest(
	data: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
	now: Date,
): IHttpRequestOptions {
	const { accessKey, secretKey, vendorId, baseUrl } = readCoupangCredentials(data);
	const signedUrl = buildSignedUrl(requestOptions.baseURL || baseUrl, requestOptions.url, requestOptions.qs as QueryParameters | undefined);
	const method = (requestOptions.method ?? 'GET').toUpperCase();
	const { authorization } = signRequest({ method, path: signedUrl.path, query: signedUrl.query, accessKey, secretKey, now });
	const headers: Record<string, string> = {
		...(requestOptions.headers as Record<string, string> | undefined),
		Authorization: authorization,
		'X-Requested-By': vendorId,
		'Content-Type': 'application/json;charset=UTF-8',
	};
	if (headers.Accept === undefined) headers.Accept = 'application/json';
	const signed: IHttpRequestOptions = { ...requestOptions, method: method as IHttpRequestOptions['method'], url: signedUrl.url, headers };
	delete signed.qs;
	delete signed.baseURL;
	return signed;
}
