/**
 * `$unionWith`: the spec's parsing, with mongod's errors for a malformed one. The executor
 * runs the sub-pipeline as an aggregate of its own on the other collection, so that
 * pipeline's leading `$match`/`$sort`/`$limit` read through that collection's indexes
 * instead of mingo scanning a copy of every document.
 */
import type { Document } from 'bson';
import { bsonTypeName, isPlainObject } from '../common/bson-value.util';
import { MongoServerError } from '../common/mongo-server.error';

export interface UnionWith {
  /** Undefined for a collectionless sub-pipeline, which must then start with `$documents`. */
  from: string | undefined;
  pipeline: Document[];
}

function wrongType(field: string, value: unknown, expected: string): MongoServerError {
  return new MongoServerError(
    'TypeMismatch',
    `BSON field '$unionWith.${field}' is the wrong type '${bsonTypeName(value)}', expected type '${expected}'`,
  );
}

function subPipeline(value: unknown): Document[] {
  if (!Array.isArray(value)) throw wrongType('pipeline', value, 'array');
  value.forEach((stage, i) => {
    if (!isPlainObject(stage)) throw wrongType(`pipeline.${i}`, stage, 'object');
    if (Object.keys(stage).length !== 1) {
      throw new MongoServerError(
        'Location40323',
        'A pipeline stage specification object must contain exactly one field.',
      );
    }
  });
  return value as Document[];
}

/** The stage's collection and sub-pipeline when it is a `$unionWith`, else undefined. */
export function unionWithStage(stage: Document): UnionWith | undefined {
  if (!('$unionWith' in stage)) return undefined;
  const spec: unknown = stage.$unionWith;
  if (typeof spec === 'string') return { from: checkedName(spec), pipeline: [] };
  if (!isPlainObject(spec)) {
    throw new MongoServerError(
      'FailedToParse',
      `the $unionWith stage specification must be an object or string, but found ${bsonTypeName(spec)}`,
    );
  }
  for (const field of Object.keys(spec)) {
    if (field !== 'coll' && field !== 'pipeline') {
      throw new MongoServerError('Location40415', `BSON field '$unionWith.${field}' is an unknown field.`);
    }
  }
  if (spec.coll !== undefined && typeof spec.coll !== 'string') throw wrongType('coll', spec.coll, 'string');
  const pipeline = spec.pipeline === undefined ? [] : subPipeline(spec.pipeline);
  if (spec.coll === undefined && !(pipeline[0] && '$documents' in pipeline[0])) {
    throw new MongoServerError(
      'FailedToParse',
      '$unionWith stage without explicit collection must have a pipeline with $documents as first stage',
    );
  }
  return { from: spec.coll === undefined ? undefined : checkedName(spec.coll as string), pipeline };
}

function checkedName(name: string): string {
  if (name === '') throw new MongoServerError('InvalidNamespace', `Invalid $unionWith collection name: ''`);
  return name;
}
