/**
 * What one thread of the extraction pool runs for an article. It says when it starts, so the
 * pool counts the article's time budget from then (not from when it joined the queue). The
 * extractor loads its language model on first use; the thread does that as it starts, so no
 * article's budget pays for it.
 */
import type { MessagePort } from 'node:worker_threads';
import { extractArticle, type ArticleInput, type ExtractionRecord } from '../extract';
import { GarbageCollectionPacer } from './garbage-collection.pacer';

export interface ExtractionTask {
  article: ArticleInput;
  /** Receives one message as extraction begins. */
  started: MessagePort;
}

extractArticle({
  source: 'warm-up',
  text: 'Prime Minister Anna Lindqvist met President Omar Haddad in Paris on March 3, 2021.\n',
});

/** Extracting an article leaves a few megabytes of garbage behind; a load extracts thousands. */
const COLLECT_EVERY_ARTICLES = 2_000;
const pacer = new GarbageCollectionPacer(COLLECT_EVERY_ARTICLES);

export default function extractInThread({ article, started }: ExtractionTask): ExtractionRecord {
  started.postMessage('started');
  started.close();
  const record = extractArticle(article);
  pacer.handled();
  return record;
}
