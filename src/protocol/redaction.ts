// Secrets kept out of text that came from outside. A server may echo a key whole, cut ("sk-abc…"),
// percent-encoded or split by invisible characters: every run of eight or more of a secret's
// characters in a row (the whole of a shorter one) is replaced, after format characters such as
// U+200B, which no reader sees, are taken out.

const shortest = 8;

/** A function that redacts `secrets` (and their percent-encoded forms) from any text. */
export function redactor(secrets: readonly string[]): (text: string) => string {
  const forms = secrets.filter(Boolean).flatMap((secret) => [secret, encodeURIComponent(secret)]);
  const parts = new Set(
    forms.flatMap((form) => {
      const width = Math.min(shortest, form.length);
      return Array.from({ length: form.length - width + 1 }, (_, at) => form.slice(at, at + width));
    }),
  );
  return (raw) => {
    const text = raw.replace(/\p{Cf}/gu, '');
    const hidden = new Uint8Array(text.length);
    let found = false;
    for (const part of parts) {
      for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
        hidden.fill(1, at, at + part.length);
        found = true;
      }
    }
    if (!found) return raw;
    let shown = '';
    for (let at = 0; at < text.length; at++) {
      if (!hidden[at]) shown += text[at];
      else if (!hidden[at - 1]) shown += '[redacted]';
    }
    return shown;
  };
}
