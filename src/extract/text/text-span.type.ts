/** A half-open character range [start, end) of the article text given to extract. */
export interface TextSpan {
  start: number;
  end: number;
}
