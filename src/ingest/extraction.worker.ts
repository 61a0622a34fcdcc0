/**
 * What one thread of the extraction pool runs for an article. It says when it starts, so the
 * pool counts the article's time budget from then (not from when it joined the queue). The
 * extractor loads its language model on first use; the thread does that as it starts, so no
 * article's budget pays for it.
 */
import type { MessagePort } from 'node:worker_threads';
import { extractArticle, type ArticleInput, type ExtractionRecord } from '../extract';

export interface ExtractionTask {
  article: ArticleInput;
  /** Receives one message as extraction begins. */
  started: MessagePort;
}

extractArticle({
  source: 'warm-up',
  text: 'Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.\n',
});

export default function extractInThread({ article, started }: ExtractionTask): ExtractionRecord {
  started.postMessage('started');
  started.close();
  return extractArticle(article);
}
