// An image that cannot be pulled: ErrImagePull, then ImagePullBackOff naming why, then a new try.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Backoff } from './backoff.js';
import { ImagePuller } from './image-puller.js';

test('a failed pull waits out its back-off, and the wait names the error', async () => {
  let pulls = 0;
  const images = {
    pullImage: async (image: string) => {
      pulls++;
      if (image === 'kubelab/ech0') throw new Error('image not found');
      return 'sha256:1';
    },
  };
  const events: string[] = [];
  const record = async (type: string, reason: string, message: string) => {
    events.push(`${type} ${reason}: ${message}`);
  };
  const puller = new ImagePuller(images, new Backoff(10_000, 300_000));

  assert.deepEqual(await puller.ensureImage('uid/main', 'kubelab/ech0', 0, record), {
    isPresent: false,
    waiting: { reason: 'ErrImagePull', message: 'image not found' },
    retryInMs: 1000,
  });
  assert.deepEqual(events, [
    'Normal Pulling: Pulling image "kubelab/ech0"',
    'Warning Failed: Failed to pull image "kubelab/ech0": image not found',
    'Warning Failed: Error: ErrImagePull',
  ]);

  const waiting = await puller.ensureImage('uid/main', 'kubelab/ech0', 4_000, record);
  assert.deepEqual(waiting, {
    isPresent: false,
    waiting: {
      reason: 'ImagePullBackOff',
      message: 'Back-off pulling image "kubelab/ech0": ErrImagePull: image not found',
    },
    retryInMs: 6_000,
  });
  assert.equal(pulls, 1, 'no pull during the back-off');

  await puller.ensureImage('uid/main', 'kubelab/ech0', 10_000, record);
  assert.equal(pulls, 2, 'pulled again once the back-off is over');

  puller.forget('uid/');
  const present = await puller.ensureImage('uid/main', 'kubelab/echo', 10_500, record);
  assert.deepEqual(present, { isPresent: true });
  assert.equal(events.at(-1), 'Normal Pulled: Container image "kubelab/echo" already present on machine');
});
