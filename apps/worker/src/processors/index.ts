// The worker's processors, one file per queue. A queue without an entry here has no consumer
// in this process.
import type { ProcessorDefinition } from './processor';
import { matchProcessor } from './match.processor';
import { transactionalEmailProcessor } from './transactional-email.processor';

export const processors: ProcessorDefinition[] = [transactionalEmailProcessor as ProcessorDefinition, matchProcessor as ProcessorDefinition];
