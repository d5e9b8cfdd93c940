// The reproductions are commands bash runs as they are: each word comes back to curl exactly as
// the run sent it, whatever the body holds, and the key comes from its environment variable.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { curlCommand } from '../../src/contract/reproduction.js';
import { apiVersion } from '../../src/protocol/index.js';

/** The words bash hands to `curl` when it runs `command`, with PORTRAIT_API_KEY set to `key`. */
function argvOf(command: string, key: string): string[] {
  const script = `curl() { printf '%s\\0' "$@"; }\n${command}\n`;
  // --norc: bash takes a socket on its stdin (as Node gives it) for a remote shell's and reads
  // ~/.bashrc, which costs seconds on a machine whose .bashrc starts pyenv.
  const output = execFileSync('bash', ['--norc', '-c', script], { env: { PATH: process.env.PATH ?? '', PORTRAIT_API_KEY: key, LC_ALL: 'C.UTF-8' }, encoding: 'utf8' });
  return output.split('\0').slice(0, -1);
}

const keys = new Map([['sk-real-key-0123456789', 'PORTRAIT_API_KEY']]);

describe('a reproduction', () => {
  it.each([
    ['plain JSON', '{"Id":"group-1"}'],
    ['quotes and shell syntax', `{"Name":"it's $(id) \`id\` !! \\\\ $HOME"}`],
    ['control characters and line feeds', '{"Name":"a\u001b]0;owned\u0007b\nc\rd\te"}'],
    ['bidirectional overrides and noncharacters', '{"Name":"\u202eabc\ufffe\u2028 and \u{1fffe}"}'],
    ['text outside ASCII', '{"Name":"正面 😀 é"}'],
  ])('hands curl the body and the headers exactly as sent: %s', (_, body) => {
    const command = curlCommand({ method: 'POST', url: `http://127.0.0.1:4010/portrait/?Action=CreateAssetGroup&Version=${apiVersion}`, apiKey: 'sk-real-key-0123456789', body }, keys);
    expect(command).not.toContain('sk-real-key');
    expect(command).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2028\ufffe]/);
    expect(argvOf(command, 'sk-from-the-environment')).toEqual([
      '-sS',
      '-X',
      'POST',
      `http://127.0.0.1:4010/portrait/?Action=CreateAssetGroup&Version=${apiVersion}`,
      '-H',
      'Content-Type: application/json',
      '-H',
      'Authorization: Bearer sk-from-the-environment',
      '--data-raw',
      body,
    ]);
  });

  it('quotes a method, and a key with no variable, as data', () => {
    const command = curlCommand({ method: 'GET;id', url: 'http://127.0.0.1:4010/', apiKey: "made-up-'key", body: '{}' }, keys);
    expect(argvOf(command, '')).toEqual(['-sS', '-X', 'GET;id', 'http://127.0.0.1:4010/', '-H', 'Content-Type: application/json', '-H', "Authorization: Bearer made-up-'key", '--data-raw', '{}']);
  });

  it('cuts a long body at 4,096 characters, never inside a character, and says so', () => {
    const body = `${'a'.repeat(4095)}😀${'b'.repeat(10)}`;
    const command = curlCommand({ method: 'POST', url: 'http://127.0.0.1:4010/', apiKey: undefined, body }, keys);
    expect(command).toMatch(/ # the body is 4107 characters; cut at 4096$/);
    expect(argvOf(command, '').at(-1)).toBe('a'.repeat(4095));
  });
});
