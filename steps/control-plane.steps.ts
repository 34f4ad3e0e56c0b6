// Steps about the control plane's own life: which controller manager leads, killing and
// starting components, and what the loops do when they come back.

import assert from 'node:assert/strict';
import { Given, Then, When } from '@cucumber/cucumber';
import {
  assertInTheMiddle,
  ControllerManagers,
  controllerManagerLease,
  controllerPodWrites,
  firstPodCreated,
  kill,
  killFromOutside,
  leader,
  leaseRequesters,
  replicaNamed,
  start,
  startedAgainSince,
  waitForExactly,
} from './support/control-plane.js';
import { eventually } from './support/eventually.js';
import { createReplicaSet } from './support/scheduling.js';
import type { KubeObject } from '../impl/client/types.js';
import type { KubeWorld } from './support/world.js';

Then(
  'the Lease {string} in {string} names its holder as {string}',
  async function (this: KubeWorld, name: string, namespace: string, form: string) {
    assert.equal(form, '<hostname>_<uuid>');
    const lease = await this.api.get({ group: 'coordination.k8s.io', resource: 'leases', namespace, name });
    const holder = String((lease.spec as { holderIdentity?: string }).holderIdentity ?? '');
    assert.match(
      holder,
      /^[a-z0-9.-]+_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      `the Lease is held by "${holder}"`,
    );
    this.notes.set('holder', holder);
  },
);

Then(
  'a {string} event on that Lease says {string}',
  async function (this: KubeWorld, reason: string, template: string) {
    const expected = template.replace('<holder>', this.notes.get('holder') ?? '');
    await eventually(
      async () => {
        const events = await this.api.list({ resource: 'events', namespace: 'kube-system' });
        const aboutLease = (event: KubeObject) => {
          const about = event.involvedObject as { kind?: string; name?: string } | undefined;
          return about?.kind === 'Lease' && about.name === 'kube-controller-manager';
        };
        const messages = events.items
          .filter((event) => aboutLease(event) && event.reason === reason)
          .map((event) => String(event.message));
        assert.ok(messages.includes(expected), `${reason} events on the Lease: ${JSON.stringify(messages)}`);
      },
      { timeoutMs: 10_000, intervalMs: 500 },
    );
  },
);

Given(
  'a replica set {string} with {int} replicas was created',
  async function (this: KubeWorld, label: string, replicas: number) {
    await createReplicaSet(this, label, replicas);
  },
);

When('the controller manager that holds the Lease is killed', async function (this: KubeWorld) {
  const replica = await leader(this);
  this.notes.set('killed leader', replica);
  this.notes.set('lease transitions before', String((await controllerManagerLease(this)).leaseTransitions ?? 0));
  await kill(this, replica);
});

Then(
  'within {int} seconds the other controller manager holds the Lease, and its leaseTransitions grew',
  async function (this: KubeWorld, seconds: number) {
    const killed = this.notes.get('killed leader');
    const before = Number(this.notes.get('lease transitions before'));
    await eventually(
      async () => {
        const spec = await controllerManagerLease(this);
        const holder = replicaNamed(this, spec.holderIdentity);
        assert.ok(
          holder && holder !== killed && (spec.leaseTransitions ?? 0) > before,
          `the Lease is held by ${spec.holderIdentity} after ${spec.leaseTransitions ?? 0} transitions ` +
            `(${before} before ${killed} was killed)`,
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
  },
);

When('the killed controller manager is started again', async function (this: KubeWorld) {
  const killed = this.notes.get('killed leader') as (typeof ControllerManagers)[number];
  this.notes.set('started again at', new Date().toISOString());
  await start(this, killed);
});

Then(
  'within {int} seconds both controller managers ask for the Lease, and only the one holding it renews it',
  async function (this: KubeWorld, seconds: number) {
    const since = this.notes.get('started again at') ?? '';
    await eventually(
      async () => {
        const askers = await leaseRequesters(this, ['get'], since);
        assert.ok(
          askers.size >= 2,
          `since ${since} the Lease was read from ${[...askers].join(', ') || 'nowhere'}: not from both replicas`,
        );
      },
      { timeoutMs: seconds * 1000, intervalMs: 500 },
    );
    const renewers = await leaseRequesters(this, ['create', 'update'], since);
    assert.equal(
      renewers.size,
      1,
      `since ${since} the Lease was renewed from ${[...renewers].join(', ') || 'nowhere'}`,
    );
    assert.notEqual(
      replicaNamed(this, (await controllerManagerLease(this)).holderIdentity),
      this.notes.get('killed leader'),
      'the restarted controller manager took the Lease back',
    );
  },
);

When(
  'every controller manager is killed once the first pod of {string} exists',
  async function (this: KubeWorld, label: string) {
    await firstPodCreated(this, label);
    await Promise.all(ControllerManagers.map((replica) => kill(this, replica)));
  },
);

When('the API server restarts once the first pod of {string} exists', async function (this: KubeWorld, label: string) {
  await firstPodCreated(this, label);
  this.notes.set('apiserver restart began', new Date().toISOString());
  await this.cluster.restart('apiserver');
  this.notes.set('apiserver restart ended', new Date().toISOString());
});

Then(
  'the audit log shows pods of {string} created both before and after the restart',
  async function (this: KubeWorld, label: string) {
    // Otherwise the restart fell before or after the scale-up, and the scenario proved nothing.
    const began = this.notes.get('apiserver restart began') ?? '';
    const ended = this.notes.get('apiserver restart ended') ?? '';
    const creates = (await controllerPodWrites(this, label)).filter((event) => event.verb === 'create');
    const before = creates.filter((event) => event.requestReceivedTimestamp < began).length;
    const after = creates.filter((event) => event.requestReceivedTimestamp > ended).length;
    assert.ok(
      before > 0 && after > 0,
      `${before} pods were created before the restart (${began}) and ${after} after it (${ended})`,
    );
  },
);

Then(
  'replica set {string} had some but not all of its {int} pods',
  async function (this: KubeWorld, label: string, total: number) {
    await assertInTheMiddle(this, label, total);
  },
);

When('the controller managers are started again', async function (this: KubeWorld) {
  await Promise.all(ControllerManagers.map((replica) => start(this, replica)));
});

Then(
  'within {int} seconds replica set {string} has exactly {int} pods, and its status says so',
  async function (this: KubeWorld, seconds: number, label: string, total: number) {
    await waitForExactly(this, label, total, seconds);
  },
);

Then(
  'the audit log shows the controller manager created exactly {int} pods of {string} and deleted none',
  async function (this: KubeWorld, total: number, label: string) {
    await eventually(
      async () => {
        const writes = await controllerPodWrites(this, label);
        const count = (verb: string) => writes.filter((event) => event.verb === verb).length;
        assert.deepEqual({ created: count('create'), deleted: count('delete') }, { created: total, deleted: 0 });
      },
      { timeoutMs: 5_000, intervalMs: 500 },
    );
  },
);

Then(
  'the audit log shows every pod of {string} created from the address that renews the Lease',
  async function (this: KubeWorld, label: string) {
    const creates = (await controllerPodWrites(this, label)).filter((event) => event.verb === 'create');
    const creators = new Set(creates.flatMap((event) => event.sourceIPs));
    assert.equal(creators.size, 1, `pods of "${label}" were created from ${[...creators].join(', ') || 'nowhere'}`);
    // Who renewed while the pods were created: from a lease duration before the first create
    // (a leader renews well within it) to the last. Renewals from any other time say nothing
    // about who led then.
    const times = creates.map((event) => event.requestReceivedTimestamp).sort();
    const leaseDurationMs = ((await controllerManagerLease(this)).leaseDurationSeconds ?? 15) * 1000;
    const since = new Date(Date.parse(times[0] ?? '') - leaseDurationMs).toISOString();
    const renewers = await leaseRequesters(this, ['create', 'update'], since, times[times.length - 1]);
    assert.deepEqual(
      [...renewers],
      [...creators],
      `the pods were created from ${[...creators][0]}; ` +
        `the Lease was renewed meanwhile from ${[...renewers].join(', ') || 'nowhere'}`,
    );
  },
);

When('the {word} is killed from outside, as `podman kill` would', async function (this: KubeWorld, component: string) {
  this.notes.set(`killed ${component} at`, (await killFromOutside(this, component)).toISOString());
});

Then(
  'within {int} seconds the {word} was started again',
  async function (this: KubeWorld, seconds: number, component: string) {
    const killedAt = new Date(this.notes.get(`killed ${component} at`) ?? 0);
    await eventually(() => startedAgainSince(component, this, killedAt), {
      timeoutMs: seconds * 1000,
      intervalMs: 250,
    });
  },
);
