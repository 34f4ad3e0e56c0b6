import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StubReports } from './stub-reports.js';

const stubLine = (key: string) =>
  `2026-12-06T05:00:00.000Z E controllers "reconcile failed, will retry" key=${key} ` +
  `error="exercise compare-and-swap is not solved yet: see lesson x (y), or run npm run exercise -- compare-and-swap"`;

describe('StubReports', () => {
  it("finds a stub reached for the scenario's namespace", () => {
    const reports = new StubReports();
    reports.read('controller-manager', stubLine('scenario-abc123/web'), 1000);
    assert.equal(reports.find(500, ['scenario-abc123'])?.exercise, 'compare-and-swap');
  });
  it("ignores another scenario's namespace, lines before the scenario began, and lines without a stub", () => {
    const reports = new StubReports();
    reports.read('controller-manager', stubLine('scenario-old000/web'), 1000);
    reports.read('controller-manager', stubLine('scenario-abc123/web'), 400);
    reports.read('scheduler', '2026-12-06T05:00:00.000Z I scheduler "bound" pod=scenario-abc123/web-1', 1000);
    assert.equal(reports.find(500, ['scenario-abc123']), undefined);
  });
  it('finds a stub reached for a node the scenario made', () => {
    const reports = new StubReports();
    reports.read('controller-manager', stubLine('worker-9f8e7d'), 1000);
    assert.equal(reports.find(500, ['scenario-abc123', 'worker-9f8e7d'])?.component, 'controller-manager');
  });
  it("finds a stub the kubelet of the scenario's node reached, whatever its line names", () => {
    const reports = new StubReports();
    const line =
      '2026-12-06T05:00:00.000Z E kubelet "could not read a static pod manifest" ' +
      'file=/etc/kubernetes/manifests/web.yaml error="Error: exercise static-pod is not solved yet"';
    reports.read('kubelet', line, 1000, 'a-9f8e7d');
    reports.read('kubelet', line, 1000, 'b-000000');
    assert.equal(reports.find(500, ['scenario-abc123', 'a-9f8e7d'])?.node, 'a-9f8e7d');
    assert.equal(reports.find(500, ['scenario-abc123', 'c-111111']), undefined);
  });
  it('never matches an empty mark', () => {
    const reports = new StubReports();
    reports.read('controller-manager', stubLine('scenario-abc123/web'), 1000);
    assert.equal(reports.find(500, ['']), undefined);
  });
});
