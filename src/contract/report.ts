// The report of a contract run: one line per check as it finishes, a summary, and JUnit XML.
import type { CheckResult, ContractReport } from './runner.js';

const marks = { passed: '✓', failed: '✗', skipped: '-' } as const;

export function formatCheck(result: CheckResult): string {
  const head = `${marks[result.status]} ${result.name.padEnd(24)} ${result.title} (${result.durationMs} ms)`;
  const details = result.status === 'passed' ? [] : result.messages.flatMap((m) => m.split('\n')).map((line) => `      ${line}`);
  return [head, ...details].join('\n');
}

export function formatSummary(report: ContractReport): string {
  const count = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).length;
  const failed = report.results.filter((r) => r.status === 'failed').map((r) => r.name);
  return [
    `${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped against ${report.baseUrl} in ${(report.durationMs / 1000).toFixed(1)} s`,
    ...(failed.length > 0 ? [`Failed: ${failed.join(', ')}`] : []),
  ].join('\n');
}

export function toJUnit(report: ContractReport): string {
  const count = (status: CheckResult['status']) => report.results.filter((r) => r.status === status).length;
  const cases = report.results.map((result) => {
    const open = `  <testcase classname="portrait-contract.${escape(result.name.split('.')[0] ?? '')}" name="${escape(result.name)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
    if (result.status === 'passed') return `${open}/>`;
    const message = escape(result.messages[0]?.split('\n')[0] ?? '');
    const inner =
      result.status === 'skipped'
        ? `<skipped message="${message}"/>`
        : `<failure message="${message}">${escape(result.messages.join('\n'))}</failure>`;
    return `${open}>\n    ${inner}\n  </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuite name="portrait-contract" tests="${report.results.length}" failures="${count('failed')}" skipped="${count('skipped')}" time="${(report.durationMs / 1000).toFixed(3)}">`,
    ...cases,
    '</testsuite>',
    '',
  ].join('\n');
}

function escape(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}
