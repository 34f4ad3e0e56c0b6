import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { JsonObject } from '../../client/types.js';
import { containerEnv } from './container-env.js';

it("fills the downward API's fields and expands $(NAME) references", () => {
  const pod = { metadata: { name: 'web', namespace: 'shop', uid: 'u1' }, spec: { nodeName: 'worker-1' } };
  const container: JsonObject = {
    env: [
      { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
      { name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } },
      { name: 'URL', value: 'http://$(POD_IP):8080/$$x' },
    ],
  };
  const env = containerEnv(pod, container, { podIp: '10.244.1.2', hostIp: '10.89.0.3' });
  assert.equal(env.HOSTNAME, 'web');
  assert.equal(env.POD_IP, '10.244.1.2');
  assert.equal(env.NODE, 'worker-1');
  assert.equal(env.URL, 'http://10.244.1.2:8080/$x');
});
