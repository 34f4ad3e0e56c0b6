// Which run of a container `kubectl logs` reads, and the kubelet's words when it has none.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerView } from '../pods/container-view.js';
import { criLine, LineSplitter, parseCriLog } from '../runtime/cri-log.js';
import { formatEntry, logContainerId, selectEntries } from './log-choice.js';

const ended = (id: string) => ({
  terminated: { exitCode: 1, reason: 'Error', startedAt: '', finishedAt: '', containerID: `kubelab://${id}` },
});
const view = (state: ContainerView['state'], lastState: ContainerView['lastState'] = {}): ContainerView => ({
  name: 'main',
  image: 'kubelab/crasher',
  imageID: '',
  containerID: 'kubelab://latest',
  state,
  lastState,
  ready: false,
  started: false,
  restartCount: 1,
});

test('the run a log request reads, or why there is none', () => {
  const rows: Array<{ name: string; view: ContainerView; previous: boolean; expected: object }> = [
    {
      name: 'running: this run',
      view: view({ running: { startedAt: '' } }),
      previous: false,
      expected: { id: 'latest' },
    },
    { name: 'ended: that run', view: view(ended('done')), previous: false, expected: { id: 'done' } },
    {
      name: 'in back-off: the run that ended',
      view: view({ waiting: { reason: 'CrashLoopBackOff' } }, ended('crashed')),
      previous: false,
      expected: { id: 'crashed' },
    },
    {
      name: 'previous: the run before',
      view: view({ running: { startedAt: '' } }, ended('first')),
      previous: true,
      expected: { id: 'first' },
    },
    {
      name: 'previous, with no run before',
      view: view({ running: { startedAt: '' } }),
      previous: true,
      expected: { error: 'previous terminated container "main" in pod "web" not found' },
    },
    {
      name: 'an image that cannot be pulled',
      view: view({ waiting: { reason: 'ImagePullBackOff' } }),
      previous: false,
      expected: { error: 'container "main" in pod "web" is waiting to start: trying and failing to pull image' },
    },
    {
      name: 'not started yet',
      view: view({ waiting: { reason: 'ContainerCreating' } }),
      previous: false,
      expected: { error: 'container "main" in pod "web" is waiting to start: ContainerCreating' },
    },
  ];
  for (const row of rows) assert.deepEqual(logContainerId(row.view, 'web', row.previous), row.expected, row.name);
});

test('output becomes CRI lines, cut at newlines across chunks, and back', () => {
  const lines: string[] = [];
  const splitter = new LineSplitter((line) => lines.push(line));
  splitter.push('first\nsec');
  splitter.push('ond\nthi');
  splitter.end();
  assert.deepEqual(lines, ['first', 'second', 'thi']);

  const at = new Date('2026-12-07T01:30:00.123Z');
  assert.equal(criLine(at, 'stderr', 'oops'), '2026-12-07T01:30:00.123Z stderr F oops\n');
  const text = criLine(at, 'stdout', 'a long ', true) + criLine(at, 'stdout', 'line') + criLine(at, 'stderr', 'x');
  assert.deepEqual(
    parseCriLog(text).map((entry) => [entry.stream, entry.content]),
    [
      ['stdout', 'a long line'],
      ['stderr', 'x'],
    ],
  );
});

test('since, then the last lines; with timestamps, each line after its time', () => {
  const entry = (second: number, content: string) => ({
    time: new Date(`2026-12-07T01:30:0${second}Z`),
    stream: 'stdout' as const,
    content,
  });
  const entries = [entry(1, 'a'), entry(2, 'b'), entry(3, 'c'), entry(4, 'd')];
  const options = { follow: false, timestamps: false };
  assert.deepEqual(selectEntries(entries, { ...options, tailLines: 2 }), [entries[2], entries[3]]);
  const since = new Date('2026-12-07T01:30:02Z');
  assert.deepEqual(selectEntries(entries, { ...options, since, tailLines: 5 }), entries.slice(1));
  assert.deepEqual(selectEntries(entries, { ...options, tailLines: 0 }), []);
  assert.equal(formatEntry(entry(1, 'a'), true), '2026-12-07T01:30:01.000Z a\n');
  assert.equal(formatEntry(entry(1, 'a'), false), 'a\n');
});
