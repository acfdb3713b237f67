// The worker's processors, one file per queue. A queue without an entry here has no consumer
// in this process.
import type { ProcessorDefinition } from './processor';
import { ingestProcessor } from './ingest.processor';
import { matchProcessor } from './match.processor';
import { transactionalEmailProcessor } from './transactional-email.processor';
import { digestScheduleProcessor } from './digest-schedule.processor';
import { digestBuildProcessor } from './digest-build.processor';
import { digestSendProcessor } from './digest-send.processor';
import { associationsRebuildProcessor } from './associations-rebuild.processor';
import { bounceMailboxProcessor } from './bounce-mailbox.processor';

export const processors: ProcessorDefinition[] = [
  transactionalEmailProcessor as ProcessorDefinition,
  matchProcessor as ProcessorDefinition,
  ingestProcessor as ProcessorDefinition,
  digestScheduleProcessor as ProcessorDefinition,
  digestBuildProcessor as ProcessorDefinition,
  digestSendProcessor as ProcessorDefinition,
  associationsRebuildProcessor as ProcessorDefinition,
  bounceMailboxProcessor as ProcessorDefinition,
];
