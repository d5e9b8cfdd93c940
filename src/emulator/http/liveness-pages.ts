// The emulator's stand-in for the H5 liveness check: a page to open on a phone with two
// buttons, one to pass and one to fail, and the redirect to the CallbackURL that follows.
// No API key: like the real H5 link, the token in the path is the only credential. Like the
// upstream's page it speaks the language its `lng` query parameter names.
import { h5Languages, livenessResultCodes, portraitDocument, schemaNamed } from '../../protocol/index.js';
import type { Reply } from '../../server/exchange.js';
import { sessionIsExpired, sessionLifetimeMs, type EmulatorState, type StoredSession } from '../model/state.js';
import { isoSeconds } from '../model/timestamps.js';
import { livenessPathPrefix } from './routes.js';

type Language = (typeof h5Languages)[number];

/** The page's words in each language the upstream's page takes. */
const words: Record<Language, { title: string; intro: string; pass: string; fail: string; session: (token: string, until: string) => string; unknown: [string, string]; expired: [string, string] }> = {
  zh: {
    unknown: ['链接无效', '此活体检测链接不存在。'],
    expired: ['链接已过期', '此活体检测链接已过期。请在应用中重新发起检测。'],
    title: '活体检测',
    intro: '此页面代替 Portrait API 的真人检测。请选择检测结果，随后将返回发起检测的应用。',
    pass: '通过检测',
    fail: '未通过检测',
    session: (token, until) => `会话 ${token}，有效期至 ${until}。`,
  },
  en: {
    unknown: ['Unknown link', 'This liveness link does not exist.'],
    expired: ['Link expired', 'This liveness link has expired. Start a new session in the app.'],
    title: 'Liveness check',
    intro: 'This page stands in for the real-person check of the Portrait API. Choose how the check ends; you are then sent back to the app that started it.',
    pass: 'Pass the check',
    fail: 'Fail the check',
    session: (token, until) => `Session ${token}, valid until ${until}.`,
  },
  'zh-Hant': {
    unknown: ['連結無效', '此活體檢測連結不存在。'],
    expired: ['連結已過期', '此活體檢測連結已過期。請在應用中重新發起檢測。'],
    title: '活體檢測',
    intro: '此頁面代替 Portrait API 的真人檢測。請選擇檢測結果，隨後將返回發起檢測的應用。',
    pass: '通過檢測',
    fail: '未通過檢測',
    session: (token, until) => `會話 ${token}，有效期至 ${until}。`,
  },
};

/** The upstream's documented callback query, sent as it is but for the token and the result. */
const callbackQuery = (schemaNamed(portraitDocument, 'LivenessCallbackQuery')?.examples?.[0] ?? {}) as Record<string, string>;

/** The language `lng` names, or the upstream's default (the first) for none or an unknown one. */
function languageOf(lng: string | null): Language {
  return h5Languages.find((language) => language === lng) ?? h5Languages[0];
}

export function livenessPage(state: EmulatorState, token: string, now: number, lng: string | null): Reply {
  const language = languageOf(lng);
  const found = liveSession(state, token, now, language);
  if ('refusal' in found) return found.refusal;
  const say = words[language];
  const base = `${livenessPathPrefix}${encodeURIComponent(found.session.token)}`;
  const expires = isoSeconds(found.session.createdAt + sessionLifetimeMs).replace('T', ' ').replace('Z', ' UTC');
  return html(200, say.title, language, `
  <h1>${escapeHtml(say.title)}</h1>
  <p>${escapeHtml(say.intro)}</p>
  <form method="post" action="${escapeHtml(`${base}/pass`)}"><button type="submit">${escapeHtml(say.pass)}</button></form>
  <form method="post" action="${escapeHtml(`${base}/fail`)}"><button type="submit" class="fail">${escapeHtml(say.fail)}</button></form>
  <p class="note">${escapeHtml(say.session(found.session.token, expires))}</p>`);
}

/**
 * Records the outcome and sends the browser to the CallbackURL with the upstream's callback
 * query added (`bytedToken`, `resultCode` and the rest). The first outcome counts: a second
 * press repeats the redirect for it.
 */
export function settleLiveness(state: EmulatorState, token: string, passed: boolean, now: number): Reply {
  // The form posts without the page's query: its refusals speak the default language.
  const found = liveSession(state, token, now, languageOf(null));
  if ('refusal' in found) return found.refusal;
  const { session } = found;
  // CreateVisualValidateSession made sure a browser can open it.
  const callback = new URL(session.callbackUrl);
  if (session.outcome === 'pending') session.outcome = passed ? 'passed' : 'failed';
  // A failed check keeps the documented example's other fields: no source gives their values then.
  const query = { ...callbackQuery, bytedToken: session.token, resultCode: session.outcome === 'passed' ? livenessResultCodes.Passed : livenessResultCodes.Failed };
  for (const [name, value] of Object.entries(query)) callback.searchParams.set(name, value);
  return { status: 303, headers: { Location: callback.href, 'Cache-Control': 'no-store' }, body: '' };
}

function liveSession(state: EmulatorState, token: string, now: number, language: Language): { session: StoredSession } | { refusal: Reply } {
  const session = state.session(token, now);
  const refusal = (status: number, [title, text]: [string, string]) => ({ refusal: html(status, title, language, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`) });
  if (!session) return refusal(404, words[language].unknown);
  if (sessionIsExpired(session, now)) return refusal(410, words[language].expired);
  return { session };
}

function html(status: number, title: string, language: string, body: string): Reply {
  const page = `<!doctype html>
<html lang="${escapeHtml(language)}">
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
