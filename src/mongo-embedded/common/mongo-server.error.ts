/**
 * The error a command replies with: MongoDB's numeric code and code name travel to the
 * driver unchanged, so client code can branch on them exactly as it would against mongod.
 */
export const ErrorCode = {
  InternalError: 1,
  BadValue: 2,
  FailedToParse: 9,
  Unauthorized: 13,
  TypeMismatch: 14,
  InvalidBSON: 22,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  PathNotViable: 28,
  ConflictingUpdateOperators: 40,
  CursorNotFound: 43,
  NamespaceExists: 48,
  MaxTimeMSExpired: 50,
  DollarPrefixedFieldName: 52,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  ExceededMemoryLimit: 146,
  ViewDepthLimitExceeded: 165,
  CommandNotSupportedOnView: 166,
  OptionNotSupportedOnView: 167,
  GraphContainsCycle: 170,
  QueryPlanKilled: 175,
  InvalidViewDefinition: 182,
  NotImplemented: 238,
  DataCorruptionDetected: 300,
  Location40323: 40323,
  Location40414: 40414,
  Location40415: 40415,
  DuplicateKey: 11000,
  BSONObjectTooLarge: 10334,
  InterruptedAtShutdown: 11600,
  OutOfDiskSpace: 14031,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;

const LONGEST_ECHO = 100;

/** Client text for an error message, cut short: a reply never echoes a huge input back whole. */
export function abbreviated(text: string): string {
  return text.length <= LONGEST_ECHO ? text : `${text.slice(0, LONGEST_ECHO)}... (${text.length} characters)`;
}

const CODE_NAMES = new Map<number, string>(Object.entries(ErrorCode).map(([name, code]) => [code, name]));

export class MongoServerError extends Error {
  readonly code: number;
  readonly codeName: string;

  constructor(
    codeName: ErrorCodeName,
    message: string,
    /** Extra fields MongoDB puts next to the message, e.g. `keyPattern`/`keyValue` for duplicates. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.code = ErrorCode[codeName];
    this.codeName = CODE_NAMES.get(this.code) ?? codeName;
  }

  /** The `{ ok: 0, errmsg, code, codeName }` reply document for a failed command. */
  toReply(): Record<string, unknown> {
    return { ok: 0, errmsg: this.message, code: this.code, codeName: this.codeName, ...this.details };
  }

  /** The entry of a write command's `writeErrors` array for the statement at `index`. */
  toWriteError(index: number): Record<string, unknown> {
    return { index, code: this.code, errmsg: this.message, ...this.details };
  }
}

/**
 * Turns anything thrown inside a command into a MongoServerError: query-library errors are
 * the user's bad input (BadValue); anything else is our bug and says so.
 */
export function asServerError(err: unknown): MongoServerError {
  if (err instanceof MongoServerError) return err;
  if (err instanceof Error && err.constructor.name === 'MingoError')
    return new MongoServerError('BadValue', err.message);
  const message = err instanceof Error ? err.message : String(err);
  return new MongoServerError('InternalError', `internal error in the embedded server: ${message}`);
}
