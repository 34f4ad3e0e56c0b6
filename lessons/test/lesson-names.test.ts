// The lessons name only what exists, checked on the real course and on planted bad lessons.
//
// The planted lessons prove each rule can fail: a check that never fails checks nothing.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadExercises } from '../../exercises/catalog.js';
import { ComponentNames, ComponentTable } from '../../impl/cluster/components.js';
import { realNodeNames } from '../../impl/cluster/real-nodes.js';
import { MAX_NODE_COUNT } from '../../impl/cluster/start-options.js';
import { PROJECT_DIR } from '../../impl/project-root.js';
import { ContentDir, LessonsDir, loadCourse } from '../build/course.js';
import {
  diagramProblems,
  exerciseProblems,
  existsIn,
  type KnownNames,
  type LessonText,
  lessonProblems,
} from './lesson-names.js';

const course = loadCourse();
const known: KnownNames = {
  lessons: course.lessons,
  components: ComponentTable.map((row) => row.name),
  // The node containers `npm start` can start are named after their nodes.
  instances: [...ComponentNames, ...realNodeNames(MAX_NODE_COUNT)],
  exercises: loadExercises(),
  exists: existsIn(PROJECT_DIR),
};
const lessons: LessonText[] = course.lessons
  .filter((lesson) => lesson.isWritten)
  .map((lesson) => ({ slug: lesson.slug, text: readFileSync(lesson.sourcePath, 'utf8') }));

test('every written lesson names only lessons, components and code that exist', () => {
  assert.deepEqual(
    lessons.flatMap((lesson) => lessonProblems(lesson, known)),
    [],
  );
  assert.equal(lessons.length, readdirSync(ContentDir).filter((file) => file.endsWith('.mdx')).length);
});

test('every diagram names only containers the cluster runs', () => {
  const diagrams = readdirSync(path.join(LessonsDir, 'diagrams')).filter((file) => file.endsWith('.svg'));
  const problems = diagrams.flatMap((file) =>
    diagramProblems(file.replace(/\.svg$/, ''), readFileSync(path.join(LessonsDir, 'diagrams', file), 'utf8'), known),
  );
  assert.deepEqual(problems, []);
});

test('every exercise names a written lesson and one of its sections', () => {
  assert.deepEqual(exerciseProblems(lessons, known), []);
});

const planted = (text: string): LessonText => ({ slug: 'planted', text });
const plantedKnown: KnownNames = {
  ...known,
  lessons: [...known.lessons, { number: 99, slug: 'planted', isWritten: true }],
};

test('a planted lesson that names what does not exist fails, one problem per rule', () => {
  const cases: Array<{ name: string; text: string; problem: RegExp }> = [
    { name: 'a link to a slug not in course.json', text: 'See [it](controllers.html).', problem: /controllers\.html/ },
    { name: 'a link to an unwritten lesson', text: 'See [it](kube-proxy.html#chains).', problem: /kube-proxy\.html/ },
    { name: 'a lesson number the course lacks', text: 'As lesson 42 shows.', problem: /lesson 42/ },
    { name: 'a lesson not written yet', text: 'Lessons 6 and 5 add it.', problem: /lesson 5 \(request-pipeline\)/ },
    { name: 'a container of no component', text: 'Run `docker logs kubelab-kubelet`.', problem: /kubelab-kubelet/ },
    { name: 'a replica that does not run', text: 'and `<cluster>-scheduler-2`', problem: /scheduler-2/ },
    {
      name: 'a component table row that is only planned',
      text: '| component | does |\n| --- | --- |\n| `apiserver` | REST |\n| `kube-proxy` | iptables |\n',
      problem: /component table lists "kube-proxy"/,
    },
    {
      name: 'a component-shaped name of nothing',
      text: 'The `node-proxy-agent` restarts.',
      problem: /node-proxy-agent/,
    },
    { name: 'a code folder that does not exist', text: 'Read `impl/proxy`.', problem: /impl\/proxy/ },
    {
      name: 'a region file that does not exist',
      text: '<Code file="impl/nope.ts" region="x" />',
      problem: /impl\/nope/,
    },
    {
      name: 'an Exercises section that renders nothing',
      text: '<Exercises lesson="planted" />',
      problem: /render nothing/,
    },
    { name: "another lesson's exercises", text: '<Exercises lesson="scheduler" />', problem: /another lesson/ },
  ];
  for (const { name, text, problem } of cases) {
    const problems = lessonProblems(planted(text), plantedKnown);
    assert.ok(
      problems.some((found) => problem.test(found)),
      `${name}: expected a problem matching ${problem}, got ${JSON.stringify(problems)}`,
    );
  }
});

test('a planted lesson that names only what exists passes', () => {
  const text = [
    'As [the watch lesson](watch.html#try-it) and lessons 7 to 10 show, `docker logs kubelab-controller-manager-2`',
    'and `<cluster>-node-agent` run `impl/kubelet/simulated`; `kube-controller-manager` and `kubelet` are',
    "Kubernetes' own, and `kube-system` is a namespace.",
    '',
    '| component | does |',
    '| --- | --- |',
    '| `node-agent` | plays kubelets |',
    '| `kubectl` | you |',
  ].join('\n');
  assert.deepEqual(lessonProblems(planted(text), plantedKnown), []);
});

test('an exercise whose lesson or section moved fails', () => {
  const moved = {
    ...known,
    exercises: [{ id: 'pods-to-delete', lesson: 'controllers', section: 'which-pods-go-first' }],
  };
  assert.match(exerciseProblems(lessons, moved).join('\n'), /lesson "controllers" is not a written lesson/);
  const renamed = { ...known, exercises: [{ id: 'fits', lesson: 'scheduler', section: 'no-such-section' }] };
  assert.match(exerciseProblems(lessons, renamed).join('\n'), /no section "#no-such-section"/);
});
