// What the self-contained pages share: a browser script bundled by esbuild, and an HTML template
// whose {{slots}} take text, scripts and JSON safely.
import { build } from 'esbuild';

/** `entry` and what it imports, as one minified script for the browser. */
export async function bundleScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error(`esbuild produced no bundle for ${entry}`);
  return output.text;
}

/** Fills each `{{name}}` of `template`, in one pass: what goes in is never read for slots. */
export function fillTemplate(template: string, slots: Record<string, string>): string {
  // A function replacer: minified scripts are full of `$` sequences a string one would expand.
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`The template has a slot {{${name}}} that nothing fills`);
    return value;
  });
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * Code to put inside <script> or <style>, with every closing tag written so that it cannot end the
 * element early. (A script holding `<!--` and then `<script` could still make the parser miss the
 * real end; the browser tests would see the page break.)
 */
export function inElement(code: string): string {
  return code.replace(/<\/(script|style)/gi, '<\\/$1');
}

/** Without a trailing source map comment: the map is not in the page, and devtools would ask for it. */
export function withoutSourceMap(code: string): string {
  return code.replace(/\s*\/[/*][#@] sourceMappingURL=\S+?(?:\s*\*\/)?\s*$/, '\n');
}

/** A value as JSON inside <script>; JSON.parse reads `\u003c` back as `<`. */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
