// What a lesson names must exist: the lessons it points to, the components and code it names.
//
// A lesson goes stale in words before it breaks the build: "lesson 5 adds authentication" while
// lesson 5 is not written, a `kubelab-kubelet` container that the cluster never starts, a component
// table with a row for a component that is only planned. The browser test catches a broken link
// once the site is built; these rules read the MDX and the diagrams as text, against the course
// map (lessons/course.json), the cluster's component table (impl/cluster/components.ts) and the
// exercise catalogue, so they run in a second and can be tested on a planted bad lesson.
//
// The rules, each narrow enough not to fire on prose about real Kubernetes:
//   - a link to `<slug>.html`, and "lesson N" / "lessons N and M" / "lessons N to M", name a
//     written lesson of the course map (a lesson not written yet would be a promise);
//   - a container name, `kubelab-<name>` or `<cluster>-<name>`, names a component instance;
//   - a table whose first column is headed "component" lists only components of the table, and
//     the clients kubectl and etcdctl;
//   - a backticked word shaped like a component name (`node-agent`, `kube-proxy`, `kubelet`) is
//     a component of the table or a known Kubernetes component;
//   - a backticked `impl/...` path, and every file="impl/..." attribute, exists;
//   - `<Exercises lesson>` names the lesson itself, which has at least one exercise, and every
//     exercise of the catalogue names a written lesson and one of its section anchors.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { slugify } from '../build/html.js';

export interface LessonText {
  slug: string;
  /** The MDX source. */
  text: string;
}

export interface KnownNames {
  /** The course map: every area, and whether its lesson is written. */
  lessons: ReadonlyArray<{ number: number; slug: string; isWritten: boolean }>;
  /** The rows of the component table (`apiserver`, `node-agent`, ...). */
  components: readonly string[];
  /** Every instance's name (`controller-manager-2` too) and every node `npm start` starts: container names. */
  instances: readonly string[];
  exercises: ReadonlyArray<{ id: string; lesson: string; section: string }>;
  /** Whether a path from the project root exists. */
  exists(relative: string): boolean;
}

/** Clients a component table may list beside the components. */
export const Clients = ['kubectl', 'etcdctl'];
/** Kubernetes' own components, which lessons name when they say what real Kubernetes does. */
export const KubernetesComponents = [
  'kube-apiserver',
  'kube-scheduler',
  'kube-controller-manager',
  'cloud-controller-manager',
  'kube-proxy',
  'kubelet',
  'kubeadm',
  'etcd',
  'kwok',
];

const LessonLink = /\]\(([a-z0-9-]+)\.html(?:#[^)]*)?\)|href="([a-z0-9-]+)\.html/g;
const LessonNumbers = /\b[Ll]essons? (\d+(?:(?:, | and | to | or |-|–)\d+)*)/g;
const ContainerName = /(?:\bkubelab|<cluster>|&lt;cluster&gt;)-([a-z0-9]+(?:-[a-z0-9]+)*)/g;
const ComponentShaped =
  /^(?:kubelet|kube-(?:[a-z]+-)*(?:proxy|apiserver|scheduler|manager)|[a-z]+(?:-[a-z]+)*-(?:agent|manager))$/;
const BacktickedImplPath = /`(impl\/[^`\s]*)`/g;
const FileAttribute = /\bfile="([^"]+)"/g;
const ExercisesTag = /<Exercises\s+lesson="([^"]*)"/g;

/** Every problem of one lesson, each a sentence that starts with the lesson's file. */
export function lessonProblems(lesson: LessonText, known: KnownNames): string[] {
  const where = `lessons/content/${lesson.slug}.mdx`;
  const problems: string[] = [];
  const written = new Map(known.lessons.filter((entry) => entry.isWritten).map((entry) => [entry.slug, entry]));
  for (const match of lesson.text.matchAll(LessonLink)) {
    const slug = match[1] ?? match[2] ?? '';
    if (slug !== 'index' && !written.has(slug))
      problems.push(`${where}: links to ${slug}.html, which is not a written lesson of lessons/course.json`);
  }
  problems.push(...lessonNumberProblems(where, lesson.text, known));
  problems.push(...containerProblems(where, lesson.text, known));
  problems.push(...componentTableProblems(where, lesson.text, known));
  for (const token of backtickedWords(lesson.text)) {
    // Container names have their own rule, above.
    const isContainer = /^(?:kubelab|<cluster>)-/.test(token);
    const isKnown = isContainer || known.components.includes(token) || KubernetesComponents.includes(token);
    if (ComponentShaped.test(token) && !isKnown)
      problems.push(`${where}: names \`${token}\`, which is neither a component of the cluster nor of Kubernetes`);
  }
  const paths = [...lesson.text.matchAll(BacktickedImplPath), ...lesson.text.matchAll(FileAttribute)];
  for (const [, relative = ''] of paths) {
    if (!known.exists(relative.replace(/[.,:;]$/, '')))
      problems.push(`${where}: names ${relative}, which does not exist`);
  }
  for (const [, named = ''] of lesson.text.matchAll(ExercisesTag)) {
    if (named !== lesson.slug) problems.push(`${where}: <Exercises lesson="${named}"> names another lesson`);
    else if (!known.exercises.some((exercise) => exercise.lesson === named))
      problems.push(`${where}: <Exercises lesson="${named}"> would render nothing: no exercise names this lesson`);
  }
  return problems;
}

/** Exercises that name a lesson or a section the course does not have. */
export function exerciseProblems(lessons: readonly LessonText[], known: KnownNames): string[] {
  const problems: string[] = [];
  for (const exercise of known.exercises) {
    const lesson = lessons.find((candidate) => candidate.slug === exercise.lesson);
    if (!lesson) {
      problems.push(`exercise ${exercise.id}: lesson "${exercise.lesson}" is not a written lesson`);
      continue;
    }
    if (!headingAnchors(lesson.text).has(exercise.section))
      problems.push(`exercise ${exercise.id}: lesson "${exercise.lesson}" has no section "#${exercise.section}"`);
  }
  return problems;
}

/** Container names in a diagram (`&lt;cluster&gt;-scheduler`) name component instances. */
export function diagramProblems(name: string, svg: string, known: KnownNames): string[] {
  return containerProblems(`lessons/diagrams/${name}.svg`, svg, known);
}

/** A checker's view of the project: `exists` resolves paths against the project root. */
export function existsIn(root: string): (relative: string) => boolean {
  return (relative) => existsSync(path.join(root, relative));
}

function lessonNumberProblems(where: string, text: string, known: KnownNames): string[] {
  const problems: string[] = [];
  for (const [mention = '', list = ''] of text.matchAll(LessonNumbers)) {
    for (const number of list.split(/\D+/).map(Number)) {
      const area = known.lessons.find((entry) => entry.number === number);
      if (!area) problems.push(`${where}: "${mention}" names lesson ${number}, which the course map does not have`);
      else if (!area.isWritten)
        problems.push(`${where}: "${mention}" names lesson ${number} (${area.slug}), which is not written yet`);
    }
  }
  return problems;
}

function containerProblems(where: string, text: string, known: KnownNames): string[] {
  const problems: string[] = [];
  for (const [container = '', name = ''] of text.matchAll(ContainerName)) {
    if (!known.instances.includes(name))
      problems.push(`${where}: names the container ${container}, but the cluster has no component "${name}"`);
  }
  return problems;
}

/** Rows of Markdown tables whose first header cell is "component". */
function componentTableProblems(where: string, text: string, known: KnownNames): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (!/^\|\s*component\s*\|/i.test(line) || !/^\|[\s|:-]+\|$/.test(lines[index + 1] ?? '')) return;
    for (const row of lines.slice(index + 2)) {
      if (!row.startsWith('|')) break;
      const cell = row.split('|')[1]?.trim().replace(/^`|`$/g, '') ?? '';
      if (!known.components.includes(cell) && !Clients.includes(cell))
        problems.push(`${where}: its component table lists "${cell}", which is not in impl/cluster/components.ts`);
    }
  });
  return problems;
}

function backtickedWords(text: string): string[] {
  return [...text.matchAll(/`([^`\s]+)`/g)].map(([, word = '']) => word);
}

/** The ids the site gives a lesson's h2 and h3 headings. */
function headingAnchors(text: string): Set<string> {
  const headings = [...text.matchAll(/^#{2,3} (.+)$/gm)].map(([, heading = '']) => heading.replace(/[`*_]/g, ''));
  return new Set(headings.map(slugify));
}
