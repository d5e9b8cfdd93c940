// The report of a contract run: one line per check as it finishes, a summary, and JUnit XML. A
// check that only contradicted assumptions of the document is shown apart from the failures, with
// what the document assumed beside what the server did.
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

export function formatCheck(result: CheckResult): string {
  const head = `${marks[result.status]} ${result.name.padEnd(24)} ${result.title} (${result.durationMs} ms)`;
  const lines = [...(result.status === 'passed' ? [] : result.messages), ...differenceLines(result.differences)];
  const details = lines.flatMap((line) => line.split('\n')).map((line) => `      ${line}`);
  return [head, ...details].join('\n');
}

function counts(report: ContractReport) {
  const count = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).length;
  return { passed: count('passed'), failed: count('failed'), skipped: count('skipped'), differs: count('differs') };
}

export function formatSummary(report: ContractReport): string {
  const { passed, failed, skipped, differs } = counts(report);
  const named = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).map((r) => r.name);
  const differing = report.results.filter((r) => r.differences.length > 0).map((r) => r.name);
  return [
    `${passed} passed, ${failed} failed, ${skipped} skipped, ${differs} differ from assumptions against ${report.baseUrl} in ${(report.durationMs / 1000).toFixed(1)} s`,
    ...(failed > 0 ? [`Failed: ${named('failed').join(', ')}`] : []),
    ...(differing.length > 0 && !report.strict
      ? [
          `Differ from assumptions: ${differing.join(', ')}`,
          'A difference is where this server does not do what the document assumes (no source says it): it fails the run only with --strict.',
        ]
      : []),
  ].join('\n');
}

export function toJUnit(report: ContractReport): string {
  const { failed, skipped } = counts(report);
  const cases = report.results.map((result) => {
    const open = `  <testcase classname="portrait-contract.${escape(result.name.split('.')[0] ?? '')}" name="${escape(result.name)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
    // Differences are recorded beside the verdict, never as a failure of their own (but under --strict).
    const differences = result.differences.length > 0 && result.status !== 'failed' ? [`<system-out>${escape(differenceLines(result.differences).join('\n'))}</system-out>`] : [];
    // Under --strict a difference may be all there is to a failure: it is the message then.
    const reasons = result.status === 'failed' ? [...result.messages, ...differenceLines(result.differences)] : result.messages;
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
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="portrait-contract" tests="${report.results.length}" failures="${failed}" skipped="${skipped}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
