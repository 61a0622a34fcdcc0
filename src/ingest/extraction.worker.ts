/**
 * What one thread of the extraction pool runs for an article. It says when it starts, so the
 * pool counts the article's time budget from then (not from when it joined the queue).
 */
import type { MessagePort } from 'node:worker_threads';
import { extractArticle, type ArticleInput, type ExtractionRecord } from '../extract';

export interface ExtractionTask {
  article: ArticleInput;
  /** Receives one message as extraction begins. */
  started: MessagePort;
}

export default function extractInThread({ article, started }: ExtractionTask): ExtractionRecord {
  started.postMessage('started');
  started.close();
  return extractArticle(article);
}
