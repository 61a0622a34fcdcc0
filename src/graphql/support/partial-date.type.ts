import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { DatePrecision as StoredPrecision } from '../../extract';

export enum DatePrecision {
  DAY = 'DAY',
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}

registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description: 'How much of a date the sources state.',
  valuesConfig: {
    DAY: { description: 'The exact day is known (`YYYY-MM-DD`).' },
    MONTH: { description: 'Only the month is known (`YYYY-MM`).' },
    YEAR: { description: 'Only the year is known (`YYYY`).' },
  },
});

const PRECISION_BY_LENGTH: Record<number, DatePrecision> = {
  10: DatePrecision.DAY,
  7: DatePrecision.MONTH,
  4: DatePrecision.YEAR,
};

@ObjectType({
  simpleResolvers: true,
  description: 'A date known to the day, the month or only the year, as the sources give it.',
})
export class PartialDate {
  @Field({ description: 'ISO 8601 date cut to its precision: `2020-07-29`, `2020-07` or `2020`.' })
  value!: string;

  @Field(() => DatePrecision, { description: 'How much of the date is known.' })
  precision!: DatePrecision;

  /** From a stored ISO date, its precision given or read off its length; null for no date. */
  static from(value: string | null, precision?: StoredPrecision | null): PartialDate | null {
    if (value === null) return null;
    const known = precision ? (precision.toUpperCase() as DatePrecision) : PRECISION_BY_LENGTH[value.length];
    if (!known) return null;
    return Object.assign(new PartialDate(), { value, precision: known });
  }
}
