// Node 20's fetch (the undici 6 it bundles) can emit a socket error, with no listener, from a reply
// it has already refused: more than five content codings, then the connection reset. The call has
// failed cleanly by then, yet the process ends with a stack trace, and a contract run loses its
// reports and its clean-up. Node 22 and later do not. The commands that call servers they do not
// control ignore that one error; any other still ends the process as Node would.
export function ignoreOrphanedSocketErrors(): void {
  process.on('uncaughtException', (error) => {
    if ((error as { code?: unknown }).code === 'UND_ERR_SOCKET') return;
    process.stderr.write(`${error.stack ?? String(error)}\n`);
    process.exit(1);
  });
}
