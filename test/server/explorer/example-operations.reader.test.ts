/** The examples the explorer page offers: every file of schema/examples, with the variables its comment gives. */
import { readdirSync } from 'node:fs';
import { EXAMPLES_DIR, exampleOperation, readExampleOperations } from '../../../src/server/explorer';

describe('readExampleOperations', () => {
  it('offers every example with its operation name, description and variables', async () => {
    const examples = await readExampleOperations();
    expect(examples.map((e) => `${e.name}.graphql`)).toEqual(
      readdirSync(EXAMPLES_DIR)
        .filter((f) => f.endsWith('.graphql'))
        .sort(),
    );
    const person = examples.find((e) => e.name === 'person-with-meetings')!;
    expect(person.title).toBe('PersonWithMeetings');
    expect(person.description).toMatch(/^A person's profile/);
    expect(person.description).not.toContain('Variables');
    expect(JSON.parse(person.variables)).toEqual({ slug: 'masrour-barzani' });
    expect(examples.find((e) => e.name === 'article-facts')!.variables).toBe('{}');
  });

  it('names the file whose variables are not JSON', () => {
    expect(() => exampleOperation('broken', '# Variables: { slug: x }\nquery Q { people { totalCount } }')).toThrow(
      /broken\.graphql: the variables in its comment are not JSON/,
    );
  });
});
