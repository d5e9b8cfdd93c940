// What every command here does with its arguments: `--help` and `-h` print the usage (every flag,
// its default, and the environment variables it reads) and exit 0; `--version` prints the
// package's version; an unknown flag or a missing value prints the reason and the usage to stderr
// and exits 2, never a stack trace.
import { parseArgs } from 'node:util';
import { packageVersion } from '../protocol/generated.js';

export interface Flag {
  /** `string` flags take a value, shown as `<value>` in the usage. */
  type: 'string' | 'boolean';
  value?: string;
  description: string;
  /** Shown as the default; also what the command gets when the flag is absent. */
  default?: string;
}

export interface CommandLine<Flags extends Record<string, Flag>> {
  /** `portrait-emulator`, as users type it. */
  name: string;
  /** One line: what the command does. */
  summary: string;
  flags: Flags;
  /** Lines after the flags: environment variables, examples. */
  notes?: string[];
  /** It runs a command given after `--` (`commandAfterFlags`); else nothing may follow the flags. */
  runsCommand?: boolean;
}

type Values<Flags extends Record<string, Flag>> = {
  [K in keyof Flags]: Flags[K]['type'] extends 'boolean' ? boolean : Flags[K] extends { default: string } ? string : string | undefined;
};

function usage(command: CommandLine<Record<string, Flag>>): string {
  const rows = Object.entries(command.flags).map(([name, flag]) => {
    const left = `  --${name}${flag.type === 'string' ? ` <${flag.value ?? 'value'}>` : ''}`;
    const right = `${flag.description}${flag.default === undefined ? '' : ` (default: ${flag.default})`}`;
    return `${left.padEnd(30)} ${right}`;
  });
  rows.push(`${'  --help, -h'.padEnd(30)} print this and exit`, `${'  --version'.padEnd(30)} print the version and exit`);
  return [`Usage: ${command.name} [options]`, '', command.summary, '', 'Options:', ...rows, ...(command.notes?.length ? ['', ...command.notes] : []), ''].join('\n');
}

/** The flags' values, or the process ends here: after the usage, the version, or a usage error (exit 2). */
export function parseCommandLine<Flags extends Record<string, Flag>>(command: CommandLine<Flags>): Values<Flags> {
  const options = Object.fromEntries(
    Object.entries(command.flags).map(([name, flag]) => [name, { type: flag.type, ...(flag.default === undefined ? {} : { default: flag.type === 'boolean' ? flag.default === 'true' : flag.default }) }]),
  );
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: flagArgs(command), options: { ...options, help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    return usageError(command, messageOf(error).split('\n')[0] ?? '');
  }
  if (values.help) {
    process.stdout.write(usage(command));
    process.exit(0);
  }
  if (values.version) {
    // `npm start 0.1.0`, not `npm start -- 0.1.0`: the name without the separator npm needs before flags.
    process.stdout.write(`${command.name.replace(/ --$/, '')} ${packageVersion}\n`);
    process.exit(0);
  }
  return values as Values<Flags>;
}

/** The arguments that are flags: all of them, or those before `--` for a command that runs one. */
function flagArgs(command: CommandLine<Record<string, Flag>>): string[] {
  const all = process.argv.slice(2);
  const dashes = all.indexOf('--');
  return command.runsCommand && dashes >= 0 ? all.slice(0, dashes) : all;
}

/** The command after `--`, as its words; empty when there is none. */
export function commandAfterFlags(): string[] {
  const all = process.argv.slice(2);
  const dashes = all.indexOf('--');
  return dashes >= 0 ? all.slice(dashes + 1) : [];
}

/** Ends the process with `reason` and the usage on stderr, exit code 2. */
export function usageError(command: CommandLine<Record<string, Flag>>, reason: string): never {
  process.stderr.write(`${command.name}: ${reason}\n\n${usage(command)}`);
  process.exit(2);
}

/** The flags of every command that listens: where, on which port, and for which pages' origins. */
export const listenFlags = {
  port: { type: 'string', value: 'n', description: 'the port to listen on, 0 for any free one', default: process.env.PORT || '4010' },
  host: { type: 'string', value: 'address', description: 'the address to listen on', default: '127.0.0.1' },
} as const satisfies Record<string, Flag>;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Ends the process with `message` on stderr. */
export function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

/** A whole number from a flag's text, from `min` to `max`, or a usage error naming the flag. */
export function wholeNumberFrom(command: CommandLine<Record<string, Flag>>, flag: string, text: string, min: number, max = 2 ** 31 - 1): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
    usageError(command, `${flag} must be a whole number from ${min} to ${max}, not ${JSON.stringify(text)}`);
  }
  return value;
}

/** What `read` makes of a flag's text; whatever it throws becomes a usage error naming the flag. */
export function fromFlag<T>(command: CommandLine<Record<string, Flag>>, flag: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    usageError(command, `${flag}: ${messageOf(error)}`);
  }
}
