import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { it } from 'node:test';
import type { ContainerRuntimeClient } from 'testcontainers';
import { createLogger } from '../client/logger.js';
import { Supervisor } from './supervisor.js';

/** An engine whose event stream the test writes, and whose containers run or not as it says. */
function fakeEngine(running: Set<string>) {
  const events = new PassThrough();
  const dockerode = {
    getEvents: async () => events,
    getContainer: (id: string) => ({ inspect: async () => ({ State: { Running: running.has(id) } }) }),
  };
  return { events, engine: { container: { dockerode } } as unknown as ContainerRuntimeClient };
}

const die = (id: string, at: number) =>
  `${JSON.stringify({ Type: 'container', Action: 'die', id, timeNano: at * 1e6 })}\n`;

it('starts a dead component again, but not for a death replayed from before it last started', async () => {
  const running = new Set<string>();
  const { events, engine } = fakeEngine(running);
  const restarted: string[] = [];
  const cluster = {
    containerIds: () => ({ apiserver: 'a1', scheduler: 's1' }),
    restart: async (name: string) => void restarted.push(name),
  };
  const supervisor = new Supervisor(
    engine,
    cluster,
    createLogger('test', {}, () => {}),
  );
  await supervisor.start();
  supervisor.started('apiserver');
  // Old news: an engine that rotates its event log may send these again.
  events.write(die('a1', Date.now() - 60_000));
  // A running container did not die, whatever an event says.
  running.add('s1');
  events.write(die('s1', Date.now() + 1));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(restarted, []);
  events.write(die('a1', Date.now() + 1));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(restarted, ['apiserver']);
  await supervisor.stop();
});
