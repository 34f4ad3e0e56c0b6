// How an exec ends, as the kubelet tells kubectl on stream 3.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exitStatus } from './exec-stream.js';

test('exit code 0 is a Success; any other a NonZeroExitCode Status that carries the code', () => {
  assert.deepEqual(exitStatus(['true'], 0), { metadata: {}, status: 'Success' });
  assert.deepEqual(exitStatus(['sh', '-c', 'exit 3'], 3), {
    metadata: {},
    status: 'Failure',
    message: 'command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3',
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: '3' }] },
  });
});
