// hoodiecrow-imap (a scriptable IMAP server for client tests) ships no types: what the bounce
// mailbox test uses of it.
declare module 'hoodiecrow-imap' {
  import type { Server } from 'node:net';

  interface HoodiecrowMessage {
    raw: string;
    flags?: string[];
    internaldate?: string;
  }
  interface HoodiecrowOptions {
    plugins?: string[];
    storage?: Record<string, { messages?: HoodiecrowMessage[]; folders?: Record<string, unknown> }>;
  }
  interface HoodiecrowServer {
    server: Server;
    listen(port: number, host: string, callback: () => void): void;
    close(callback?: () => void): void;
  }
  function hoodiecrow(options?: HoodiecrowOptions): HoodiecrowServer;
  export = hoodiecrow;
}
