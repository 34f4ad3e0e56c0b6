import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { KubeObject } from '../client/types.js';
import { matchesFields, matchesLabels, parseFieldSelector, parseLabelSelector } from './selectors.js';
import { StatusError } from './errors.js';

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', env: 'prod' };
  const cases: Array<[string, string, boolean]> = [
    ['an empty selector matches everything', '', true],
    ['equality matches the same value', 'app=web', true],
    ['double equals is equality too', 'app==web', true],
    ['equality fails on another value', 'app=db', false],
    ['inequality matches another value', 'app!=db', true],
    ['inequality matches a missing label', 'missing!=x', true],
    ['all terms must hold', 'app=web,tier=backend', false],
    ['in matches one of the values', 'env in (dev, prod)', true],
    ['notin refuses one of the values', 'env notin (prod)', false],
    ['existence matches a present key', 'tier', true],
    ['negated existence refuses a present key', '!tier', false],
    ['commas inside a set do not split terms', 'env in (dev,prod),app=web', true],
  ];
  for (const [name, selector, expected] of cases) {
    it(name, () => assert.equal(matchesLabels(parseLabelSelector(selector), labels), expected));
  }
  it('refuses a term it cannot parse', () => assert.throws(() => parseLabelSelector('app=web=x'), StatusError));
});

describe('field selectors', () => {
  const pod = {
    metadata: { name: 'nginx', namespace: 'default' },
    spec: { nodeName: 'node-1' },
    status: { phase: 'Running' },
  } as unknown as KubeObject;
  const cases: Array<[string, string, boolean]> = [
    ['metadata.name equality', 'metadata.name=nginx', true],
    ['spec.nodeName on pods', 'spec.nodeName=node-1', true],
    ['an unset node name is the empty string', 'spec.nodeName!=', true],
    ['status.phase inequality', 'status.phase!=Running', false],
  ];
  for (const [name, selector, expected] of cases) {
    it(name, () => assert.equal(matchesFields(parseFieldSelector(selector, 'pods'), pod), expected));
  }
  it('refuses a field the resource does not declare, as Kubernetes does', () => {
    assert.throws(
      () => parseFieldSelector('spec.nodeName=x', 'configmaps'),
      /field label not supported: spec.nodeName/,
    );
  });
});
