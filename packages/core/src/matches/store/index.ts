// Access style: pg prepared statements for readers' topics (read per reader on 1M-reader runs); Prisma elsewhere.
// The matches area's data access, one small file per table group: readers' topics (reader-topics),
// Match rows (matches), papers as matching and ranking read them (papers), the learned term
// associations (associations) and the followed topic keys (topic-keys). Use cases import from here.
export * from './associations';
export * from './matches';
export * from './papers';
export * from './reader-topics';
export * from './topic-keys';
