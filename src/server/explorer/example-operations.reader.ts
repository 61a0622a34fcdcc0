/**
 * The operations of `schema/examples`, as the explorer page offers them: each file's leading
 * comment describes it and ends with `Variables: { ... }` when it takes any.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import type { ExampleOperation } from './explorer-config.type';
import { PROJECT_ROOT } from '../project-root';

export const EXAMPLES_DIR = path.join(PROJECT_ROOT, 'schema', 'examples');

function leadingComment(query: string): string {
  const lines: string[] = [];
  for (const line of query.split('\n')) {
    const comment = /^\s*#\s?(.*)$/.exec(line);
    if (!comment) break;
    lines.push(comment[1].trim());
  }
  return lines.join(' ');
}

function operationName(query: string, fallback: string): string {
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  return operation?.kind === Kind.OPERATION_DEFINITION && operation.name ? operation.name.value : fallback;
}

export function exampleOperation(name: string, query: string): ExampleOperation {
  const comment = leadingComment(query);
  const marker = comment.indexOf('Variables:');
  const description = (marker < 0 ? comment : comment.slice(0, marker)).trim();
  let variables = '{}';
  if (marker >= 0) {
    const json = comment.slice(marker + 'Variables:'.length).trim();
    try {
      variables = JSON.stringify(JSON.parse(json), null, 2);
    } catch {
      throw new Error(`schema/examples/${name}.graphql: the variables in its comment are not JSON: ${json}`);
    }
  }
  return { name, title: operationName(query, name), description, query, variables };
}

/** Every example, by file name. */
export async function readExampleOperations(dir: string = EXAMPLES_DIR): Promise<ExampleOperation[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.graphql')).sort();
  return Promise.all(
    files.map(async (file) =>
      exampleOperation(file.replace(/\.graphql$/, ''), await readFile(path.join(dir, file), 'utf8')),
    ),
  );
}
