/**
 * Loads the extractor (its language model and lexicons take seconds) before the server takes
 * requests, so that the first `ingestArticle` is as quick as the next. Called where an API
 * process starts, when mutations are enabled.
 */
import { extractArticle } from '../extract';

const WARM_UP_TEXT =
  'Talks in Paris\n\nPrime Minister Jane Doe met Foreign Minister John Roe in Paris on 3 March 2021.\n';

export async function warmUpExtractor(): Promise<void> {
  extractArticle({ source: 'warm-up', text: WARM_UP_TEXT });
}
