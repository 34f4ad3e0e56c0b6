import assert from 'node:assert/strict';
import { it } from 'node:test';
import { commandLine } from '../runtime/process-runtime.js';
import { CatalogueImageService, findImage } from './catalogue.js';

it("finds kubelab's images, with or without a known tag, and refuses any other", async () => {
  assert.match(findImage('kubelab/echo')?.entrypoint.join(' ') ?? '', /^node \/.*\/echo\.js$/);
  assert.match(findImage('kubelab/kube-apiserver')?.entrypoint.join(' ') ?? '', /^node \/.*\/apiserver\/main\.js$/);
  assert.deepEqual(findImage('kubelab/etcd:1.0')?.entrypoint, ['etcd']);
  assert.equal(findImage('kubelab/echo:latest')?.id, findImage('kubelab/echo')?.id);
  assert.equal(findImage('kubelab/echo:2.0'), undefined);
  assert.equal(findImage('nginx'), undefined);
  await assert.rejects(
    new CatalogueImageService().pullImage('nginx'),
    /NotFound desc = failed to pull and unpack image "nginx"/,
  );
});

it("runs the image's program unless the container's command replaces it", () => {
  const image = ['node', '/p/exit.js'];
  assert.deepEqual(commandLine({ command: [], args: ['3'] }, image), ['node', '/p/exit.js', '3']);
  assert.deepEqual(commandLine({ command: ['sh', '-c'], args: ['exit 1'] }, image), ['sh', '-c', 'exit 1']);
});
