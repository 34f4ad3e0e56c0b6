import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PodTemplateSpec } from '../../client/types.js';
import { fnv32a, podTemplateHash, SafeAlphabet, safeEncodeString } from './pod-template-hash.js';

describe('FNV-1a, 32 bits', () => {
  const cases: Array<[string, string, number]> = [
    ['the empty input gives the offset basis', '', 0x811c9dc5],
    ['a single letter', 'a', 0xe40c292c],
    ['a word', 'foobar', 0xbf9cf968],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(fnv32a(Buffer.from(input)), expected));
  }
});

describe('safe encoding', () => {
  it('maps each decimal digit onto a consonant or a digit that spells nothing', () =>
    assert.equal(safeEncodeString('0123456789'), '456789bcdf'));
});

describe('the pod-template-hash', () => {
  const template = (image: string): PodTemplateSpec => ({
    metadata: { labels: { app: 'web' } },
    spec: { containers: [{ name: 'app', image }] },
  });

  it('is the same for the same template, whatever the order of its keys', () => {
    const reordered: PodTemplateSpec = {
      spec: { containers: [{ image: 'kubelab/echo', name: 'app' }] },
      metadata: { labels: { app: 'web' } },
    };
    assert.equal(podTemplateHash(reordered), podTemplateHash(template('kubelab/echo')));
  });
  it('changes with the image', () =>
    assert.notEqual(podTemplateHash(template('kubelab/echo')), podTemplateHash(template('kubelab/sleeper'))));
  it('changes with collisionCount, so a taken name can be stepped past', () =>
    assert.notEqual(podTemplateHash(template('kubelab/echo'), 1), podTemplateHash(template('kubelab/echo'))));
  it('is at most 10 characters of the safe alphabet', () =>
    assert.match(podTemplateHash(template('kubelab/echo')), new RegExp(`^[${SafeAlphabet}]{1,10}$`)));
});
