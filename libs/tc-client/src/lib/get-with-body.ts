// ThreatConnect accepts a GET whose parameters travel as a JSON body `{"data": {...}}` (tcex uses it for
// query strings of 2,000+ characters; threatconnect-api.md §2.1). WHATWG fetch refuses a body on GET,
// so this one request form goes through node:http(s).
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface TcRawResponse {
  status: number;
  headers: Headers;
  text: string;
}

export type TcGetWithBody = (
  url: URL,
  headers: Record<string, string>,
  body: string,
  signal: AbortSignal,
) => Promise<TcRawResponse>;

export const nodeGetWithBody: TcGetWithBody = (url, headers, body, signal) =>
  new Promise((resolve, reject) => {
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      url,
      {
        method: 'GET',
        headers: {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
        },
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const h = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (typeof v === 'string') h.set(k, v);
            else if (Array.isArray(v)) h.set(k, v.join(', '));
          }
          resolve({ status: res.statusCode ?? 0, headers: h, text: Buffer.concat(chunks).toString('utf8') });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
