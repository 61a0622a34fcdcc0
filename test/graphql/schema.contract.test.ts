/** The schema is a contract: the committed SDL matches the built schema, everything is described, and the examples are valid. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isSpecifiedScalarType,
  parse,
  type GraphQLObjectType,
  validate,
  type GraphQLSchema,
} from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { buildGraphQLSchema, printSortedSchema } from '../../src/graphql';

const SCHEMA_DIR = path.join(__dirname, '..', '..', 'schema');

function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  // TypeGraphQL cannot describe the root types themselves; their fields are checked below.
  const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || isSpecifiedScalarType(type)) continue;
    if (!type.description && !roots.has(type as never)) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
      }
    }
    if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (!field.description) missing.push(`${type.name}.${field.name}`);
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing;
}

describe('GraphQL schema', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGraphQLSchema();
  });

  it('matches the committed schema/schema.graphql (regenerate with `npm run -s schema > schema/schema.graphql`)', async () => {
    const committed = readFileSync(path.join(SCHEMA_DIR, 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printSortedSchema());
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(schema)).toEqual([]);
  });

  it('accepts every example operation in schema/examples', () => {
    const examples = readdirSync(path.join(SCHEMA_DIR, 'examples')).filter((f) => f.endsWith('.graphql'));
    expect(examples.length).toBeGreaterThan(0);
    for (const file of examples) {
      const errors = validate(schema, parse(readFileSync(path.join(SCHEMA_DIR, 'examples', file), 'utf8')));
      expect({ file, errors: errors.map((e) => e.message) }).toEqual({ file, errors: [] });
    }
  });

  it('gives every object a global id through the Node interface', () => {
    const node = schema.getType('Node');
    expect(node && isInterfaceType(node)).toBe(true);
    const implementations = schema
      .getImplementations(node as never)
      .objects.map((t) => t.name)
      .sort();
    expect(implementations).toEqual(['Article', 'Meeting', 'Office', 'Organization', 'Person']);
  });

  it('reads plain fields straight from the object, with no per-field wrapper (only field resolvers resolve)', () => {
    // A page of meetings resolves thousands of plain fields; TypeGraphQL's wrapper would cost each one a call and two objects.
    const resolverMethods = new Set(
      getMetadataStorage().fieldResolvers.map(
        (resolver) => `${resolver.getObjectType?.()?.name}.${resolver.methodName}`,
      ),
    );
    const wrapped: string[] = [];
    const roots = new Set([schema.getQueryType(), schema.getMutationType()]);
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__') || roots.has(type)) continue;
      for (const field of Object.values(type.getFields())) {
        if (field.resolve && !resolverMethods.has(`${type.name}.${field.name}`))
          wrapped.push(`${type.name}.${field.name}`);
      }
    }
    expect(wrapped).toEqual([]);
    const person = schema.getType('Person') as GraphQLObjectType;
    expect(person.getFields().name.resolve).toBeUndefined();
    expect(person.getFields().offices.resolve).toBeDefined();
  });
});
