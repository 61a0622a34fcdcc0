import { badUserInput } from './user-input.error';

/** What `minArticles` is when not given: every fact at least one article states. */
export const DEFAULT_MIN_ARTICLES = 1;

export const MIN_ARTICLES_DESCRIPTION = `Only facts at least this many articles state (default ${DEFAULT_MIN_ARTICLES}: all); raise it to show only well-supported ones.`;

export function checkMinArticles(minArticles: number): number {
  if (!Number.isInteger(minArticles) || minArticles < 1)
    throw badUserInput(`\`minArticles\` must be a whole number of at least 1, got ${minArticles}`);
  return minArticles;
}

/** What `minShare` is when not given: offices stated by a tenth of the articles of the person's best-supported one. */
export const DEFAULT_MIN_SHARE = 0.1;

export const MIN_SHARE_DESCRIPTION = `Only offices stated by at least this share of the articles of the person's best-supported office (default ${DEFAULT_MIN_SHARE}); with a share above 0, a title held in several jurisdictions keeps those with at least a fifth of its strongest's articles, and a title without jurisdiction is left out where it is listed with one. 0 lists every office of \`minArticles\` or more.`;

export function checkMinShare(minShare: number): number {
  if (!Number.isFinite(minShare) || minShare < 0 || minShare > 1)
    throw badUserInput(`\`minShare\` must be a number from 0 to 1, got ${minShare}`);
  return minShare;
}
