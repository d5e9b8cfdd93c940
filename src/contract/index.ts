// Conformance checks that any Portrait API server, the real one included, must pass.
export { runContract, type CheckResult, type ContractOptions, type ContractReport, type Difference } from './runner.js';
export { formatCheck, formatSummary, toJUnit } from './report.js';
export { allChecks } from './checks/index.js';
