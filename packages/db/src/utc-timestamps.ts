// The schema stores UTC in `timestamp` (without time zone) columns. node-postgres parses those
// in the process's local time zone, Prisma's adapter reads them as UTC; SQL run straight on the
// pool must see the same instants as Prisma, whatever TZ the process runs in. Prisma's own
// queries are unaffected: its adapter passes its parsers with every query.
// (No column is a timestamp[], so only the scalar type is overridden.)
import { types, type CustomTypesConfig } from 'pg';

const TIMESTAMP = 1114;

/** '2026-11-27 10:00:00.123' (UTC by convention) → that instant, as Prisma's adapter reads it. */
export function parseUtcTimestamp(text: string): Date {
  return new Date(`${text.replace(' ', 'T')}Z`);
}

export const utcTimestampTypes: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMP && format !== 'binary'
      ? parseUtcTimestamp
      : types.getTypeParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};
