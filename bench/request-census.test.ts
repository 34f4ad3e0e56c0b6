import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AuditEvent } from '../impl/client/audit-event.js';
import { censusOf, formatPerPod } from './request-census.js';

const event = (userAgent: string, verb: string, resource: string, at: string, subresource?: string): AuditEvent => ({
  kind: 'Event',
  apiVersion: 'audit.k8s.io/v1',
  level: 'Metadata',
  auditID: at,
  stage: 'ResponseComplete',
  requestURI: `/${resource}`,
  verb,
  user: { username: 'system:anonymous' },
  userAgent,
  sourceIPs: [],
  objectRef: { resource, subresource },
  requestReceivedTimestamp: at,
  stageTimestamp: at,
});

describe('censusOf', () => {
  const events = [
    event('kube-controller-manager/v1.32.0', 'create', 'pods', '2026-01-01T00:00:01Z'),
    event('kube-controller-manager/v1.32.0', 'create', 'pods', '2026-01-01T00:00:02Z'),
    event('kube-controller-manager/v1.32.0', 'update', 'replicasets', '2026-01-01T00:00:02Z', 'status'),
    event('kube-controller-manager/v1.32.0', 'create', 'pods', '2026-01-01T00:00:09Z'),
    event('kube-scheduler/v1.32.0 (default-scheduler)', 'create', 'pods', '2026-01-01T00:00:02Z', 'binding'),
  ];
  it('counts one client within the window, by verb and resource', () => {
    const census = censusOf(events, 'kube-controller-manager', '2026-01-01T00:00:00Z', '2026-01-01T00:00:05Z');
    assert.deepEqual(census, {
      total: 3,
      byKind: [
        ['create pods', 2],
        ['update replicasets/status', 1],
      ],
    });
    assert.equal(formatPerPod(census, 2), '1.50 per pod (create pods 1.00, update replicasets/status 0.50)');
  });
});
