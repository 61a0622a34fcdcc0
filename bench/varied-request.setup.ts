/**
 * autocannon's per-request hook (run in its worker thread, so it is loaded by path): each
 * request carries the operation and a list of variable sets, and every send picks one at
 * random, so concurrent connections ask different questions as real clients would.
 */
interface VariedRequest {
  body?: string;
  operation: string;
  variants: Array<Record<string, unknown>>;
}

export = function pickVariables<R extends VariedRequest>(request: R): R {
  const variables = request.variants[Math.floor(Math.random() * request.variants.length)];
  return { ...request, body: JSON.stringify({ query: request.operation, variables }) };
};
