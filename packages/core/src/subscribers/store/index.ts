// Access style: Prisma - a reader's few rows per request, race-free through conditional updateMany; no hot path.
// The subscribers area's data access: readers and their topics (readers), the audit trail
// (events), the suppression list (suppression), the digests a reader was sent (deliveries) and
// papers as the subscribe page's preview reads them (papers). Use cases open the transaction
// (db.$transaction) and pass its client to these functions.
export * from './deliveries';
export * from './events';
export * from './papers';
export * from './readers';
export * from './suppression';
