/** `newsgraph schema`: prints the sorted SDL, the same text as the committed schema/schema.graphql. */
import { printSortedSchema } from '../graphql';

export async function run(args: string[]): Promise<number> {
  if (args.length) {
    process.stderr.write('usage: newsgraph schema   (prints the GraphQL schema; redirect it to a file to save it)\n');
    return 2;
  }
  process.stdout.write(await printSortedSchema());
  return 0;
}
