// How to reproduce a call the run made: the request as a curl command bash can run as it is, and
// what came back. A key is shown as the environment variable it came from, never its value.
import { printable } from '../protocol/printable.js';

export interface Reproduction {
  /** The request as a curl command; a body over 4 KiB is cut, and says so. */
  curl: string;
  /** What came back: `HTTP 200, RequestId …`, or why nothing did. */
  reply: string;
}

export interface SentRequest {
  method: string;
  url: string;
  /** The API key sent, if any. */
  apiKey: string | undefined;
  body: string | undefined;
}

const longestBody = 4096;

/** A word for bash: single-quoted, or `$'…'` with escapes when it holds what a terminal would act on. */
function shellWord(text: string): string {
  if (/^[\w.,:/@%+=-]+$/.test(text)) return text;
  if (printable(text) === text) return `'${text.replaceAll("'", `'\\''`)}'`;
  // Inside $'…' bash reads the \uXXXX escapes printable() writes back as the characters (and
  // \UXXXXXXXX beyond U+FFFF, which it writes \u{…}).
  const escaped = printable(text.replace(/[\\']/g, '\\$&')).replace(/\\u\{([0-9a-f]+)\}/g, (_, hex: string) => `\\U${hex.padStart(8, '0')}`);
  return `$'${escaped}'`;
}

/** `request` as a curl command, each key in `keyVariables` written as its variable. */
export function curlCommand(request: SentRequest, keyVariables: ReadonlyMap<string, string>): string {
  const words = ['curl', '-sS'];
  if (request.method !== 'GET') words.push('-X', shellWord(request.method));
  words.push(shellWord(request.url), '-H', shellWord('Content-Type: application/json'));
  if (request.apiKey !== undefined) {
    const variable = keyVariables.get(request.apiKey);
    // In double quotes so the shell puts the variable's value in.
    words.push('-H', variable ? `"Authorization: Bearer $${variable}"` : shellWord(`Authorization: Bearer ${request.apiKey}`));
  }
  if (request.body !== undefined) {
    const cut = request.body.length > longestBody;
    // Not inside a surrogate pair.
    const end = /[\ud800-\udbff]/.test(request.body.charAt(longestBody - 1)) ? longestBody - 1 : longestBody;
    words.push('--data-raw', shellWord(cut ? request.body.slice(0, end) : request.body));
    if (cut) words.push(`# the body is ${request.body.length} characters; cut at ${longestBody}`);
  }
  return words.join(' ');
}
