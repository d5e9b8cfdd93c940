// Ctrl-C or a supervisor's SIGTERM closes a server cleanly, once, before the process exits.
import { fail, messageOf } from './command-line.js';

export function closeOnSignals(server: { close(): Promise<void> }): void {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (stopping) return;
      stopping = true;
      server.close().then(
        () => process.exit(0),
        (error: unknown) => fail(messageOf(error), 1),
      );
    });
  }
}
