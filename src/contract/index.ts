// Conformance checks that any Portrait API server, the real one included, must pass.
export {
  runContract,
  type CheckResult,
  type ContractFetch,
  type ContractOptions,
  type ContractReport,
  type Coverage,
  type Difference,
  type Exploration,
  type Reproduction,
} from './runner.js';
export { maxExploreRuns } from './explore/replay-path.js';
export { formatCheck, formatCoverage, formatSummary, toJson, toJUnit } from './report.js';
