// Ctrl-C or a supervisor's SIGTERM closes a server cleanly, once, before the process exits; so
// does the end of the process that started it. A `kill` of `npx portrait-emulator` or of
// `npm start` reaches npm alone, and the server it started would go on listening, reparented.
import { fail, messageOf } from './command-line.js';

/** How often the server looks whether the process that started it is still there. */
const parentCheckMs = 1000;

export function stopOnSignalsOrParentExit(server: { close(): Promise<void> }): void {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.close().then(
      () => process.exit(0),
      (error: unknown) => fail(messageOf(error), 1),
    );
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, stop);
  const parent = process.ppid;
  // process.ppid is read anew each time: it changes when the parent is gone.
  setInterval(() => process.ppid !== parent && stop(), parentCheckMs).unref();
}
