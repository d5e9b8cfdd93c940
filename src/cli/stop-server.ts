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
  whenParentExits(stop);
}

/** The process that started this one, read before anything else can take time: a parent gone while the server starts counts too. */
const parent = process.ppid;

/** Calls `then` once the process that started this one is gone, and this one reparented. */
export function whenParentExits(then: () => void): void {
  // process.ppid is read anew each time: it changes when the parent is gone.
  const check = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(check);
    then();
  }, parentCheckMs);
  // The server or the command it serves keeps the process alive; this check alone must not.
  check.unref();
}
