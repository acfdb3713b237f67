// Access style: pg prepared statements on the build and send paths (per digest, hundreds a second); Prisma elsewhere.
// The digests area's data access: the runner and the send path's statements (statements), the
// build's insert and reads (build), claiming and recording sends (send), empty-period notices
// (notices), the schedule and its sweeps (schedule), and the previews' reads (papers).
export * from './build';
export * from './notices';
export * from './papers';
export * from './schedule';
export * from './send';
export * from './statements';
