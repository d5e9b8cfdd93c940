// Text that came from outside (a server's reply, what a client sent), made safe to print to a
// terminal, a log line or an XML report. ESC opens terminal sequences (a window title, a clipboard
// write), CR overwrites a line and LF forges one, bidirectional controls reorder what is shown,
// zero-width characters hide what sits between them, and XML refuses U+FFFE, U+FFFF and lone
// surrogates: each becomes a visible \u escape instead.

const unsafe = /[\p{Cc}\p{Cf}\p{Cs}\p{NChar}\u2028\u2029]/gu;
const unsafeButLineFeeds = /(?!\n)[\p{Cc}\p{Cf}\p{Cs}\p{NChar}\u2028\u2029]/gu;

const escaped = (char: string) => {
  const code = char.codePointAt(0) ?? 0;
  return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` on one line, every character that could act on a terminal or break XML written as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(unsafe, escaped);
}

/** The same, keeping line feeds: for text whose lines this program made, from parts already `printable`. */
export function printableLines(text: string): string {
  return text.replace(unsafeButLineFeeds, escaped);
}

/** `printable(text)` of at most `length` characters and an ellipsis. Redact a secret before: a cut can split it. */
export function excerpt(text: string, length: number): string {
  return printable(text.length > length ? `${text.slice(0, length)}…` : text);
}
