/**
 * An article that cannot be ingested as given (empty, binary, too large, a malformed date).
 * The message tells the caller what to fix; the API layer shows it as BAD_USER_INPUT.
 */
export class ArticleInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArticleInputError';
  }
}
