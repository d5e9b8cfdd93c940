// The emulator in a process of its own, for measuring its memory: its clock runs SPEED times
// faster than the wall clock (so liveness sessions expire within a short load), and it answers
// messages: `rss` (resident set size after a full garbage collection) and `skip` (move the clock
// on by that many ms, then prune what expired). Started by memory.test.ts with --expose-gc.
import { startEmulator } from '../../src/emulator/index.js';

const speed = Number(process.env.SPEED ?? 1);
const started = Date.now();
let skipped = 0;
const running = await startEmulator({
  port: 0,
  processingDelayMs: 0,
  rateLimits: false,
  clock: () => started + (Date.now() - started) * speed + skipped,
  tenants: [{ customerId: 'load', apiKeys: ['load-key'], groupQuota: 1_000_000, assetQuota: 1_000_000 }],
});

const gc = (globalThis as { gc?: () => void }).gc;
process.on('message', (message: { rss?: true; skip?: number }) => {
  if (message.skip) {
    skipped += message.skip;
    running.emulator.prune();
  }
  gc?.();
  gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  process.send?.({ rss, heapUsed });
});
process.on('disconnect', () => void running.close().then(() => process.exit(0)));
process.send?.({ url: running.url });
