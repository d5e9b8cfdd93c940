// A key a server echoes is redacted in whatever form it comes back: whole, cut short, percent-
// encoded, or split by characters no reader sees; text that merely shares a few characters stays.
import { describe, expect, it } from 'vitest';
import { printable } from '../../src/protocol/printable.js';
import { redactor } from '../../src/protocol/redaction.js';

const key = 'sk-hostile-0123456789abcdefghijklmnopqrstuv';
const redact = redactor([key, 'demo-key']);

describe('redactor', () => {
  it.each([
    ['whole', `bad key ${key}.`, 'bad key [redacted].'],
    ['cut short, as a masked echo prints it', `bad key ${key.slice(0, 32)}... (43 characters)`, 'bad key [redacted]... (43 characters)'],
    ['its end only', `key ending ${key.slice(-9)}`, 'key ending [redacted]'],
    ['percent-encoded', `?key=${encodeURIComponent('sk/ab+cd=ef/gh')}`, '?key=[redacted]'],
    ['split by zero-width spaces', `key ${[...key].join('\u200b')}!`, 'key [redacted]!'],
    ['twice, with a short key too', `${key} and ${key}; demo-key`, '[redacted] and [redacted]; [redacted]'],
  ])('redacts a key echoed %s', (_, text, expected) => {
    const withSlashes = redactor([key, 'demo-key', 'sk/ab+cd=ef/gh']);
    expect(withSlashes(text)).toBe(expected);
  });

  it('leaves text that shares fewer than eight characters in a row with a key', () => {
    for (const text of ['sk-host is a prefix', 'the digits 0123456 and abcdefg', 'demo-ke']) expect(redact(text)).toBe(text);
  });
});

describe('printable', () => {
  it('shows zero-width and other format characters as escapes', () => {
    expect(printable('a\u200bb\u200dc\u00add\ufeffe\u2060f')).toBe('a\\u200bb\\u200dc\\u00add\\ufeffe\\u2060f');
  });
});
