/**
 * @module http/body
 * Reads a request body with a size limit; anything larger is refused (413) without being buffered.
 */
import type { IncomingMessage } from 'node:http';
import { jsonWithin } from '../chat/json-bounds';
import { HttpError } from './respond';

/** No API body kefu reads nests deeper; anything deeper is refused before code that recurses sees it. */
export const MAX_JSON_DEPTH = 64;

/** The raw body as bytes (signatures are computed over these, not over re-serialised JSON). */
export function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      req.resume();
      reject(new HttpError(413, 'KEFU_BAD_REQUEST', `The body is larger than ${maxBytes} bytes.`));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (chunk: Buffer) => {
      if (failed) return;
      size += chunk.length;
      if (size > maxBytes) {
        failed = true;
        reject(new HttpError(413, 'KEFU_BAD_REQUEST', `The body is larger than ${maxBytes} bytes.`));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks));
    });
    req.on('error', (err) => {
      if (!failed) reject(err);
    });
  });
}

/** A JSON object body of at most `MAX_JSON_DEPTH` levels; anything else is a 400 that names the problem. */
export function parseJsonObject(raw: Buffer): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'KEFU_BAD_REQUEST', 'The body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'KEFU_BAD_REQUEST', 'The body must be a JSON object.');
  }
  if (jsonWithin(value, { maxDepth: MAX_JSON_DEPTH, maxNodes: Number.POSITIVE_INFINITY }) !== 'ok') {
    throw new HttpError(400, 'KEFU_BAD_REQUEST', `The body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  }
  return value as Record<string, unknown>;
}
