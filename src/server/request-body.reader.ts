import type { IncomingMessage } from 'node:http';

export class RequestBodyError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The request body: parsed when it is JSON, the raw text otherwise (Apollo then refuses it with
 * its CSRF or content-type message). Over `limit` bytes it stops reading and fails with 413.
 */
export async function readRequestBody(request: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new RequestBodyError(413, `request body over the limit of ${limit} bytes`);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) return text;
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new RequestBodyError(400, 'request body is not valid JSON');
  }
}
