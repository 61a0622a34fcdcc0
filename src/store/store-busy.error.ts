/**
 * Raised when a load could not be applied now: the store stayed unreachable or other loads kept
 * it busy past the loader's patience. Nothing of the load is visible (it was withdrawn before it
 * started, or will be completed by the next loader), so sending the same load again is safe.
 * The API reports it with the code `STORE_BUSY`.
 */
export class StoreBusyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreBusyError';
  }
}
