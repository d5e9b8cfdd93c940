// The emulator's stand-in for the H5 liveness check: a page to open on a phone with two
// buttons, one to pass and one to fail, and the redirect to the CallbackURL that follows.
// No API key: like the real H5 link, the token in the path is the only credential.
import { namedEnums } from '../../protocol/index.js';
import type { Reply } from '../../server/exchange.js';
import { sessionIsExpired, sessionLifetimeMs, type EmulatorState, type StoredSession } from '../model/state.js';
import { isoSeconds } from '../model/timestamps.js';
import { livenessPathPrefix } from './routes.js';

const resultCodes = { passed: namedEnums.LivenessResultCode.Passed, failed: namedEnums.LivenessResultCode.Failed } as const;

export function livenessPage(state: EmulatorState, token: string, now: number): Reply {
  const found = liveSession(state, token, now);
  if ('refusal' in found) return found.refusal;
  const base = `${livenessPathPrefix}${encodeURIComponent(found.session.token)}`;
  const expires = isoSeconds(found.session.createdAt + sessionLifetimeMs).replace('T', ' ').replace('Z', ' UTC');
  return html(200, 'Liveness check', `
  <h1>Liveness check</h1>
  <p>This page stands in for the real-person check of the Portrait API. Choose how the check ends;
  you are then sent back to the app that started it.</p>
  <form method="post" action="${escapeHtml(`${base}/pass`)}"><button type="submit">Pass the check</button></form>
  <form method="post" action="${escapeHtml(`${base}/fail`)}"><button type="submit" class="fail">Fail the check</button></form>
  <p class="note">Session ${escapeHtml(found.session.token)}, valid until ${escapeHtml(expires)}.</p>`);
}

/**
 * Records the outcome and sends the browser to the CallbackURL with `bytedToken` and
 * `resultCode` added. The first outcome counts: a second press repeats the redirect for it.
 */
export function settleLiveness(state: EmulatorState, token: string, passed: boolean, now: number): Reply {
  const found = liveSession(state, token, now);
  if ('refusal' in found) return found.refusal;
  const { session } = found;
  // CreateVisualValidateSession made sure a browser can open it.
  const callback = new URL(session.callbackUrl);
  if (session.outcome === 'pending') session.outcome = passed ? 'passed' : 'failed';
  callback.searchParams.set('bytedToken', session.token);
  callback.searchParams.set('resultCode', session.outcome === 'passed' ? resultCodes.passed : resultCodes.failed);
  return { status: 303, headers: { Location: callback.href, 'Cache-Control': 'no-store' }, body: '' };
}

function liveSession(state: EmulatorState, token: string, now: number): { session: StoredSession } | { refusal: Reply } {
  const session = state.session(token, now);
  if (!session) return { refusal: html(404, 'Unknown link', '<h1>Unknown link</h1><p>This liveness link does not exist.</p>') };
  if (sessionIsExpired(session, now)) {
    return { refusal: html(410, 'Link expired', '<h1>Link expired</h1><p>This liveness link has expired. Start a new session in the app.</p>') };
  }
  return { session };
}

function html(status: number, title: string, body: string): Reply {
  const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(title)}</title>
  <style>
    body { font: 18px/1.5 system-ui, sans-serif; margin: 0; padding: 1.5rem; color: #1b1b1f; background: #f6f6f8; }
    main { max-width: 28rem; margin: 0 auto; }
    form { margin: 1rem 0; }
    button { width: 100%; padding: 1rem; font-size: 1.1rem; border: 0; border-radius: 0.75rem; color: #fff; background: #13795b; }
    button.fail { background: #b3261e; }
    .note { color: #5f5f6b; font-size: 0.9rem; overflow-wrap: anywhere; }
  </style>
</head>
<body>
<main>${body}
</main>
</body>
</html>
`;
  return {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // Self-contained by design: nothing may load from elsewhere, and no other page may frame it.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
    },
    body: page,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
