import { createUnionType } from 'type-graphql';
import { Organization } from '../organization/organization.type';
import { Person } from '../person/person.type';

export const Participant = createUnionType({
  name: 'Participant',
  description:
    "Who takes part in a meeting: a person, or an organization standing for a side (e.g. a ministry's delegation).",
  types: () => [Person, Organization] as const,
});
