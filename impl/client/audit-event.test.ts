import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientName, parseAuditLog } from './audit-event.js';

describe('audit events', () => {
  it('name the client of a user agent, or none', () => {
    assert.equal(clientName('kubectl/v1.32.4 (linux/amd64) kubernetes/4cb5f07'), 'kubectl');
    assert.equal(clientName('kube-scheduler/v1.32.0 (default-scheduler)'), 'kube-scheduler');
    assert.equal(clientName('kubelab-scenario'), 'kubelab-scenario');
    assert.equal(clientName(''), '');
    assert.equal(clientName(undefined), '');
  });

  it('are read one JSON line each, blank lines aside', () => {
    const events = parseAuditLog(
      '{"verb":"get","stage":"ResponseComplete"}\n\n{"verb":"watch","stage":"WatchEvent"}\n',
    );
    assert.deepEqual(
      events.map((event) => event.verb),
      ['get', 'watch'],
    );
  });
});
