/** One section of BENCHMARKS.md, produced by one benchmark module. */
export interface BenchSection {
  title: string;
  /** Markdown body: a table of figures and a line on what the targets are and whether they hold. */
  markdown: string;
}
