/**
 * The two ways the extraction pool turns an article away: it ran past its time budget (the
 * article's fault, so an input error), or too many articles are already waiting (the server's
 * state: retry later).
 */
import { ArticleInputError } from './article-input.error';

export class ExtractionBudgetError extends ArticleInputError {
  constructor(
    source: string,
    readonly budgetMs: number,
  ) {
    super(
      `article "${source}": extraction took longer than the limit of ${budgetMs / 1000} s per article and was stopped; nothing was stored`,
    );
    this.name = 'ExtractionBudgetError';
  }
}

export class ExtractionQueueFullError extends Error {
  constructor(
    readonly waiting: number,
    readonly retryAfterSeconds: number,
  ) {
    super(
      `the server is busy extracting other articles (${waiting} waiting, the most it queues); retry in ${retryAfterSeconds} s`,
    );
    this.name = 'ExtractionQueueFullError';
  }
}
