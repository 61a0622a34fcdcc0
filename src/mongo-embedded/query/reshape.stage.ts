/**
 * The reshaping stages that end nearly every pipeline a client sends, applied document by
 * document without mingo: `$project` of top-level fields, and `$replaceWith` (`$replaceRoot`) of
 * a document made of the whole input (`$$ROOT`) and scalar literals (a loader's `$unionWith`
 * branch ends with both, to tag its documents). Through mingo each built an aggregator whose
 * setup cost more than the work on a page of documents. Anything else is mingo's.
 */
import type { Document } from 'bson';
import { isPlainObject } from '../common/bson-value.util';
import { topLevelProjector } from './field-projection.util';

type Part = { whole: true } | { whole: false; value: string | number | boolean | null };

function partOf(expression: unknown): Part | undefined {
  if (expression === '$$ROOT' || expression === '$$CURRENT') return { whole: true };
  if (!isPlainObject(expression) || Object.keys(expression).length !== 1) return undefined;
  const value: unknown = expression.$literal;
  const scalar = value === null || ['string', 'number', 'boolean'].includes(typeof value);
  return scalar ? { whole: false, value: value as string | number | boolean | null } : undefined;
}

function replacer(newRoot: unknown): ((docs: Document[]) => Document[]) | undefined {
  if (!isPlainObject(newRoot)) return undefined;
  const parts: Array<[string, Part]> = [];
  for (const [field, expression] of Object.entries(newRoot)) {
    const part = partOf(expression);
    if (!part || field.startsWith('$') || field.includes('.')) return undefined;
    parts.push([field, part]);
  }
  if (!parts.length) return undefined;
  return (docs) =>
    docs.map((doc) => {
      const replaced: Document = {};
      for (const [field, part] of parts) replaced[field] = part.whole ? doc : part.value;
      return replaced;
    });
}

/** The stage as a function of its input documents, or undefined when mingo must run it. */
export function reshapeStage(stage: Document): ((docs: Document[]) => Document[]) | undefined {
  const names = Object.keys(stage);
  if (names.length !== 1) return undefined;
  const [name] = names;
  if (name === '$project')
    return isPlainObject(stage.$project) && Object.keys(stage.$project).length
      ? topLevelProjector(stage.$project)
      : undefined;
  if (name === '$replaceWith') return replacer(stage.$replaceWith);
  if (name === '$replaceRoot' && isPlainObject(stage.$replaceRoot) && Object.keys(stage.$replaceRoot).length === 1)
    return replacer(stage.$replaceRoot.newRoot);
  return undefined;
}
