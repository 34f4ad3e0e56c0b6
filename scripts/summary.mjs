// Read a CI test log and print what passed and failed; the last line is `N passed, N failed`.
//
// Counted: cucumber's summary lines ("12 scenarios (11 passed, 1 failed)", "0 scenarios"), one
// per cucumber run, and node:test's totals ("# pass 10" / "# fail 1", or "ℹ pass 10"). A
// scenario that is skipped, pending, undefined or ambiguous, and a unit test that is cancelled
// or todo, counts as failed: a claim nobody checked. Exits 1 if anything failed or no scenario ran.
//
//   node scripts/summary.mjs <log-file>
import { readFileSync } from 'node:fs';

const ANSI_ESCAPE = /\u001b\[[0-9;]*m/g;
const CUCUMBER_SUMMARY = /^(\d+) scenarios? ?(?:\((.*)\))?$/;
const CUCUMBER_COUNT = /^(\d+) (\w+)$/;
const NODE_TEST_TOTAL = /^(?:#|ℹ) (pass|fail|cancelled|skipped|todo) (\d+)$/;

const logFile = process.argv[2];
if (logFile === undefined) {
  console.error('usage: node scripts/summary.mjs <log-file>');
  process.exit(2);
}
const lines = readFileSync(logFile, 'utf8').replace(ANSI_ESCAPE, '').split(/\r?\n/).map((line) => line.trim());

const scenarios = { passed: 0, failed: 0, runs: 0 };
const unitTests = { passed: 0, failed: 0, runs: 0 };

for (const line of lines) {
  const cucumber = CUCUMBER_SUMMARY.exec(line);
  if (cucumber) {
    scenarios.runs += 1;
    const total = Number(cucumber[1]);
    const passed = countOf(cucumber[2] ?? '', 'passed');
    scenarios.passed += passed;
    scenarios.failed += total - passed;
    continue;
  }
  const nodeTest = NODE_TEST_TOTAL.exec(line);
  if (nodeTest) {
    if (nodeTest[1] === 'pass') {
      unitTests.runs += 1;
      unitTests.passed += Number(nodeTest[2]);
    } else {
      unitTests.failed += Number(nodeTest[2]);
    }
  }
}

function countOf(counts, status) {
  for (const part of counts.split(',')) {
    const match = CUCUMBER_COUNT.exec(part.trim());
    if (match && match[2] === status) return Number(match[1]);
  }
  return 0;
}

const passed = scenarios.passed + unitTests.passed;
const failed = scenarios.failed + unitTests.failed;
console.log(`scenarios: ${scenarios.passed} passed, ${scenarios.failed} failed (${scenarios.runs} cucumber run(s))`);
if (unitTests.runs > 0) {
  console.log(`unit tests: ${unitTests.passed} passed, ${unitTests.failed} failed (${unitTests.runs} node:test run(s))`);
}
const hasScenarios = scenarios.passed + scenarios.failed > 0;
if (!hasScenarios) console.log('no scenario ran: the log has no cucumber summary with a scenario in it');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || !hasScenarios ? 1 : 0);
