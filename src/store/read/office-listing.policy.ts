/**
 * Which of a person's office holdings a default view lists. Every article's mistake about a
 * busy person lands on that person (a prime minister named beside a foreign leader, a passing
 * `the premier`), so the view weighs the holdings against each other:
 * - a holding stated by fewer than `minShare` of the articles of the person's best-supported
 *   holding is left out (`Prime Minister | United Kingdom` in 34 articles hides a
 *   `Home Secretary` of one);
 * - of one title held in several jurisdictions, one with less than a fifth of the support of the
 *   strongest is left out (`Prime Minister | Iraq`, 2 articles, beside the 34 of the UK);
 * - a holding whose articles name no jurisdiction is left out when the same title is listed with
 *   one (`Leader` beside `Leader | Conservative Party`).
 * The rest keep their order. `minShare: 0` lists every holding of `minArticles` or more.
 */
import type { OfficeHolderView, OfficeView } from './read.view';
import { officeTitleKey } from '../identity/office-key';

export interface ListedHolding {
  office: OfficeView;
  holding: OfficeHolderView;
}

/** Below this share of a title's strongest jurisdiction, another jurisdiction of it is taken for a mistake. */
const RIVAL_JURISDICTION_SHARE = 0.2;

export function listedHoldings<H extends ListedHolding>(
  holdings: readonly H[],
  options: { minArticles: number; minShare: number },
): H[] {
  const kept = holdings.filter((h) => h.holding.articleCount >= options.minArticles);
  if (options.minShare <= 0) return kept;
  const best = Math.max(0, ...kept.map((h) => h.holding.articleCount));
  const strongestOfTitle = new Map<string, number>();
  const titlesWithJurisdiction = new Set<string>();
  for (const h of kept) {
    const title = officeTitleKey(h.office.title);
    strongestOfTitle.set(title, Math.max(strongestOfTitle.get(title) ?? 0, h.holding.articleCount));
    if (h.office.jurisdiction !== null) titlesWithJurisdiction.add(title);
  }
  return kept.filter((h) => {
    const title = officeTitleKey(h.office.title);
    const support = h.holding.articleCount;
    if (support < options.minShare * best) return false;
    if (support < RIVAL_JURISDICTION_SHARE * (strongestOfTitle.get(title) ?? 0)) return false;
    return h.office.jurisdiction !== null || !titlesWithJurisdiction.has(title);
  });
}
