// The report of a contract run: one line per check as it finishes, a summary, JUnit XML and JSON.
// A check that only contradicted assumptions of the document is shown apart from the failures,
// with what the document assumed beside what the server did. Each failure carries the calls that
// show it, as curl commands. Every line passes through printableLines() on its way out: whatever
// of a server's text a message holds can neither act on a terminal nor break the XML.
import { printable, printableLines } from '../protocol/printable.js';
import type { Reproduction } from './reproduction.js';
import type { CheckResult, ContractReport, Difference } from './runner.js';

const marks = { passed: '✓', failed: '✗', skipped: '-', differs: '~' } as const;

/** The differences as lines: each fact once with what the document assumes, then what the server did. */
function differenceLines(differences: readonly Difference[]): string[] {
  const byFact = new Map<string, Difference[]>();
  for (const difference of differences) byFact.set(difference.fact, [...(byFact.get(difference.fact) ?? []), difference]);
  return [...byFact].flatMap(([fact, found]) => [
    `differs from an assumption (${fact}): the document assumes: ${found[0]?.assumed ?? ''}`,
    ...found.map((difference) => `  the server: ${difference.found}`),
  ]);
}

/** The calls to send again: each request once, with what came back the first time. */
function reproductionLines(calls: readonly (Reproduction | undefined)[]): string[] {
  const unique = new Map<string, Reproduction>();
  for (const call of calls) if (call && !unique.has(call.curl)) unique.set(call.curl, call);
  return [...unique.values()].flatMap((call) => [`to reproduce: ${call.curl}`, `  got ${call.reply}`]);
}

/** What a result shows under its line: why it failed or was skipped, its differences, and how to reproduce them. */
function detailLines(result: CheckResult): string[] {
  const calls = [...(result.status === 'failed' ? result.reproductions : []), ...result.differences.map((difference) => difference.call)];
  return [...(result.status === 'passed' ? [] : result.messages), ...differenceLines(result.differences), ...reproductionLines(calls)];
}

export function formatCheck(result: CheckResult): string {
  const head = `${marks[result.status]} ${result.name.padEnd(24)} ${result.title} (${result.durationMs} ms)`;
  const details = detailLines(result)
    .flatMap((line) => line.split('\n'))
    .map((line) => `      ${line}`);
  return printableLines([head, ...details].join('\n'));
}

/** `coverage: 12/12 Actions, 31/44 documented replies` */
export function formatCoverage({ coverage }: ContractReport): string {
  return `coverage: ${coverage.actions.called}/${coverage.actions.documented} Actions, ${coverage.replies.seen}/${coverage.replies.documented} documented replies`;
}

function counts(report: ContractReport) {
  const count = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), differs: count('differs') };
}

export function formatSummary(report: ContractReport): string {
  const { passed, failed, skipped, differs } = counts(report);
  const named = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).map((r) => r.name);
  const differing = report.results.filter((r) => r.differences.length > 0).map((r) => r.name);
  const lines = [
    ...(report.stopped ? [`Stopped early: ${report.stopped}; the checks after that point did not run.`] : []),
    `${passed} passed, ${failed} failed, ${skipped} skipped, ${differs} differ from assumptions against ${report.baseUrl} in ${(report.durationMs / 1000).toFixed(1)} s`,
    formatCoverage(report),
    ...(failed > 0 ? [`Failed: ${named('failed').join(', ')}`] : []),
    ...(differing.length > 0 && !report.strict
      ? [
          `Differ from assumptions: ${differing.join(', ')}`,
          'A difference is where this server does not do what the document assumes (no source says it): it fails the run only with --strict.',
        ]
      : []),
    ...(report.leftBehind.length > 0 ? [`Left behind (the clean-up could not delete them): ${report.leftBehind.map(printable).join(', ')}`] : []),
  ];
  return printableLines(lines.join('\n'));
}

export function toJUnit(report: ContractReport): string {
  const { failed, skipped } = counts(report);
  const cases = report.results.map((result) => {
    const open = `  <testcase classname="portrait-contract.${escape(result.name.split('.')[0] ?? '')}" name="${escape(result.name)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
    // Differences are recorded beside the verdict, never as a failure of their own (but under --strict).
    const differences = result.differences.length > 0 && result.status !== 'failed' ? [`<system-out>${escape(detailLines(result).join('\n'))}</system-out>`] : [];
    // Under --strict a difference may be all there is to a failure: it is the message then.
    const reasons = result.status === 'failed' ? detailLines(result) : result.messages;
    const message = escape(reasons[0]?.split('\n')[0] ?? '');
    const verdict =
      result.status === 'skipped'
        ? [`<skipped message="${message}"/>`]
        : result.status === 'failed'
          ? [`<failure message="${message}">${escape(reasons.join('\n'))}</failure>`]
          : [];
    const inner = [...verdict, ...differences];
    return inner.length === 0 ? `${open}/>` : `${open}>\n${inner.map((line) => `    ${line}`).join('\n')}\n  </testcase>`;
  });
  // A run out of time, or stopped, is a failure of its own, the one CI shows first.
  const stopped = report.stopped
    ? [`  <testcase classname="portrait-contract.run" name="${report.stoppedBy === 'signal' ? 'stopped' : 'max-time'}" time="0.000">`, `    <failure message="${escape(report.stopped)}"/>`, '  </testcase>']
    : [];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="portrait-contract" tests="${report.results.length + (report.stopped ? 1 : 0)}" failures="${failed + (report.stopped ? 1 : 0)}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...stopped,
    ...cases,
    `  <system-out>${escape(formatCoverage(report))}</system-out>`,
    '</testsuite>',
    '',
  ].join('\n');
}

/** XML text: markup characters as references, and whatever XML 1.0 cannot hold as a visible escape. */
function escape(text: string): string {
  return printableLines(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The whole run as JSON, for tools: every check with its grade, messages, differences and reproductions, and the coverage. */
export function toJson(report: ContractReport): string {
  // Lines that may hold a server's text are made printable; JSON would carry them as they came.
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'string' ? printableLines(value) : value), 2)}\n`;
}
