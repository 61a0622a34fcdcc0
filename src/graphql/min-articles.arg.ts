import { badUserInput } from './user-input.error';

/** What `minArticles` is when not given: every fact at least one article states. */
export const DEFAULT_MIN_ARTICLES = 1;

export const MIN_ARTICLES_DESCRIPTION = `Only facts at least this many articles state (default ${DEFAULT_MIN_ARTICLES}: all); raise it to show only well-supported ones.`;

export function checkMinArticles(minArticles: number): number {
  if (!Number.isInteger(minArticles) || minArticles < 1)
    throw badUserInput(`\`minArticles\` must be a whole number of at least 1, got ${minArticles}`);
  return minArticles;
}
