/**
 * A full garbage collection after every so many articles, in a thread that handles thousands
 * (an extraction thread, the loader). Through a long load V8, left to its own heuristics, let
 * each heap hold far more garbage than live data (the server's 116 MB live sat in about 190 MB of
 * heap, extraction's 158 MB in about 240 MB), and that garbage kept native buffers alive too. A
 * collection takes a few tenths of a second; 2,000 articles take about 6 s to extract.
 */
import { collectGarbage } from './garbage-collection.trigger';

const fullCollection = () => collectGarbage('major');

export class GarbageCollectionPacer {
  private articlesSince = 0;

  constructor(
    private readonly everyArticles: number,
    private readonly collect: () => void = fullCollection,
  ) {}

  /** Notes that `articles` more were handled; collects once `everyArticles` have been since the last time. */
  handled(articles = 1): void {
    this.articlesSince += articles;
    if (this.articlesSince < this.everyArticles) return;
    this.articlesSince = 0;
    this.collect();
  }
}
