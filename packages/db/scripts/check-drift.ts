// `npm run db:check-drift [-- <schema.prisma>]`: exits 1 and prints the missing SQL when
// schema.prisma describes something the committed migrations do not create.
import { diffSchema } from './diff-schema';
import { schemaPath } from './migrations-dir';

const schemaFile = process.argv[2] ?? schemaPath;
const migrationsDir = process.argv[3];
diffSchema(schemaFile, migrationsDir).then(
  (sql) => {
    if (!sql) {
      console.log('No drift: the committed migrations produce schema.prisma exactly.');
      process.exit(0);
    }
    console.error('Drift: schema.prisma differs from the committed migrations. Missing SQL:\n' + sql);
    console.error('Create a migration with: npm run db:migration -- <name>');
    process.exit(1);
  },
  (error) => {
    console.error('Drift check failed to run:', error?.message ?? error);
    process.exit(2);
  },
);
