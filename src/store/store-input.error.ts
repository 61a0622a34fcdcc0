/**
 * Raised by the read side when a caller's input cannot be answered (a cursor that is not one of ours,
 * a malformed date range). The API layer shows its message to the user as BAD_USER_INPUT.
 */
export class StoreInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreInputError';
  }
}
