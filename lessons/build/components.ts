// The components a lesson's MDX can use, each filled in from the repository at build time.
//
//   <Feature path="features/api/watch.feature" rule="..." />   a feature file, highlighted
//   <Code file="impl/store/store.ts" region="guaranteed-update" />   a named region
//   <Header file="impl/store/codec.ts" />                      the comment a file opens with
//   <Trace name="kubectl-create-configmap" />                  a recorded trace, as a diagram
//   <Explanation name="least-allocated" />                     a scheduler's saved decision, as a table
//   <Sequence title participants steps />                      a hand-drawn sequence diagram
//   <Diagram name="architecture" title="..." />                lessons/diagrams/<name>.svg
//   <Claim source href>…</Claim>                               a quoted Kubernetes sentence
//   <Exercises lesson="watch" />                               the lesson's graded exercises
//   <ReadmeNote contains="..." />                              a bullet of the README's differences
//   <FeatureIndex />                                           every feature and its lesson
//
// Components render synchronously (the page is rendered once, to static HTML), read files as
// they are now, and throw on anything a lesson names that does not exist.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { MDXContentProps } from 'mdx-bundler/client/index.js';
import { createElement as h, type ReactNode, isValidElement } from 'react';
import { codeExcerpt, headerComment, highlightCode } from './code-excerpt.js';
import { LessonsDir, loadCourse } from './course.js';
import { type ExplanationCell, explanationTable, loadExplanation } from './explanation.js';
import { highlightGherkin, selectFeatureText } from './gherkin.js';
import { inlineCode, slugify } from './html.js';
import { lessonCitations } from './references.js';
import { loadExercises } from '../../exercises/catalog.js';
import { PROJECT_DIR } from '../../impl/project-root.js';
import { readRepositoryFile } from './repository.js';
import { renderSequenceSvg, type SequenceStep } from './sequence-diagram.js';
import { loadTrace, traceToSequence } from './trace.js';

export interface Heading {
  id: string;
  text: string;
}

type Props<T> = T & { children?: ReactNode };
/** What mdx-bundler's component takes as `components`. */
export type ComponentMap = NonNullable<MDXContentProps['components']>;

const ReadmeDifferencesHeading = '## How kubelab differs from Kubernetes';

/** The components for one page; `headings` fills up with its h2 sections as it renders. */
export function lessonComponents(): { components: ComponentMap; headings: Heading[] } {
  const headings: Heading[] = [];
  const usedIds = new Set<string>();
  const heading =
    (level: 'h2' | 'h3') =>
    ({ children }: Props<object>) => {
      const text = textOf(children);
      let id = slugify(text);
      for (let n = 2; usedIds.has(id); n++) id = `${slugify(text)}-${n}`;
      usedIds.add(id);
      if (level === 'h2') headings.push({ id, text });
      return h(level, { id }, h('a', { className: 'anchor', href: `#${id}`, 'aria-hidden': 'true' }, '#'), children);
    };
  const components: ComponentMap = {
    h2: heading('h2'),
    h3: heading('h3'),
    pre: CodeBlock,
    Feature,
    Code,
    Header,
    Trace,
    Explanation,
    Sequence,
    Diagram,
    Claim,
    Exercises,
    ReadmeNote,
    FeatureIndex,
  };
  return { components, headings };
}

function Feature({ path: file, rule }: Props<{ path: string; rule?: string }>): ReactNode {
  const text = selectFeatureText(readRepositoryFile(file), rule);
  return h(
    'figure',
    { className: 'feature', id: `feature-${slugify(file)}` },
    h(
      'figcaption',
      null,
      h('span', { className: 'label' }, 'Feature'),
      h('code', null, file),
      rule ? ` — the rule “${rule}”` : '',
    ),
    h('pre', null, html('code', null, highlightGherkin(text))),
  );
}

function Code({ file, region }: Props<{ file: string; region: string }>): ReactNode {
  const excerpt = codeExcerpt(file, region);
  const lines = `lines ${excerpt.region.startLine + 1}–${excerpt.region.endLine - 1}`;
  return h(
    'figure',
    { className: 'code-excerpt', 'data-region': region },
    h('figcaption', null, h('code', null, file), ` · region `, h('code', null, region), ` · ${lines}`),
    h('pre', null, html('code', { className: 'hljs language-typescript' }, excerpt.html)),
  );
}

function Header({ file }: Props<{ file: string }>): ReactNode {
  return h(
    'figure',
    { className: 'header-comment' },
    h(
      'blockquote',
      null,
      ...headerComment(file).map((paragraph, index) => html('p', { key: index }, inlineCode(paragraph))),
    ),
    h('figcaption', null, 'The header comment of ', h('code', null, file)),
  );
}

function Trace({ name }: Props<{ name: string }>): ReactNode {
  const trace = loadTrace(name);
  const svg = renderSequenceSvg(traceToSequence(trace));
  return h(
    'figure',
    { className: 'trace', id: `trace-${name}` },
    html('div', { className: 'diagram-scroll' }, svg),
    h(
      'figcaption',
      null,
      h('span', { className: 'label' }, 'Trace'),
      trace.title,
      trace.scenario ? h('span', { className: 'source' }, ' · recorded by ', h('code', null, trace.scenario)) : null,
    ),
  );
}

function Explanation({ name }: Props<{ name: string }>): ReactNode {
  const saved = loadExplanation(name);
  const table = explanationTable(saved.explanation);
  const { pod, selectedNode } = saved.explanation;
  const columnClass = (index: number) => (table.nodes[index]?.isSelected ? 'selected' : undefined);
  const cell = (value: ExplanationCell, index: number) =>
    h('td', { key: index, className: [value.kind, columnClass(index)].filter(Boolean).join(' ') }, value.text);
  const section = (title: string) =>
    h('tr', { className: 'section' }, h('th', { colSpan: table.nodes.length + 1, scope: 'colgroup' }, title));
  const row = ({ plugin, cells }: { plugin: string; cells: ExplanationCell[] }) =>
    h('tr', { key: plugin }, h('th', { scope: 'row' }, plugin), ...cells.map(cell));
  return h(
    'figure',
    { className: 'explanation', id: `explanation-${name}` },
    h(
      'figcaption',
      null,
      h('span', { className: 'label' }, 'Explanation'),
      `Pod ${pod} went to ${selectedNode ?? 'no node'}. ${table.search}`,
      saved.scenario
        ? h('span', { className: 'source' }, ' Saved by ', h('code', null, saved.scenario), ` (“${saved.title}”).`)
        : null,
    ),
    h(
      'div',
      { className: 'table-scroll' },
      h(
        'table',
        null,
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, 'plugin'),
            ...table.nodes.map((node, index) =>
              h(
                'th',
                { key: node.name, scope: 'col', className: columnClass(index) },
                node.name,
                node.isSelected ? h('span', { className: 'winner' }, ' selected') : null,
              ),
            ),
          ),
        ),
        h(
          'tbody',
          null,
          section('Filter: passed, or the reason the node was turned down'),
          ...table.filters.map(row),
          section('Score: raw → normalized × weight = weighted'),
          ...table.scores.map(row),
          h('tr', { className: 'total' }, h('th', { scope: 'row' }, 'total'), ...table.totals.map(cell)),
        ),
      ),
    ),
  );
}

function Sequence({
  title,
  participants,
  steps,
}: Props<{ title: string; participants: string[]; steps: SequenceStep[] }>): ReactNode {
  const svg = renderSequenceSvg({ title, participants, steps });
  return h(
    'figure',
    { className: 'sequence' },
    html('div', { className: 'diagram-scroll' }, svg),
    h('figcaption', null, title),
  );
}

function Diagram({ name, title }: Props<{ name: string; title: string }>): ReactNode {
  const svg = readFileSync(path.join(LessonsDir, 'diagrams', `${name}.svg`), 'utf8').replace(/<\?xml[^>]*\?>\s*/, '');
  return h(
    'figure',
    { className: 'diagram' },
    html('div', { className: 'diagram-scroll' }, svg),
    h('figcaption', null, title),
  );
}

function Claim({ source, href, children }: Props<{ source: string; href?: string }>): ReactNode {
  return h(
    'blockquote',
    { className: 'claim' },
    children,
    h('footer', null, '— ', h('cite', null, href ? h('a', { href }, source) : source)),
  );
}

/** The lesson's entries of exercises/exercises.json, with their hints; nothing when it has none. */
function Exercises({ lesson }: Props<{ lesson: string }>): ReactNode {
  const exercises = loadExercises().filter((exercise) => exercise.lesson === lesson);
  if (exercises.length === 0) return null;
  return h(
    'ol',
    { className: 'exercises' },
    ...exercises.map((exercise) =>
      h(
        'li',
        { key: exercise.id, id: `exercise-${exercise.id}`, className: 'exercise' },
        h(
          'div',
          { className: 'exercise-title' },
          h('strong', null, exercise.title),
          ' ',
          h('span', { className: 'points' }, `${exercise.points} points`),
          exercise.section
            ? h('a', { className: 'section-link', href: `#${exercise.section}` }, 'where it fits')
            : null,
        ),
        h(
          'div',
          { className: 'exercise-meta' },
          'Exercise ',
          h('code', null, exercise.id),
          ' in ',
          ...exercise.files.flatMap((file, index) => [index > 0 ? ', ' : '', h('code', { key: file }, file)]),
        ),
        exercise.hints.length > 0
          ? h(
              'details',
              null,
              h('summary', null, `Hints (${exercise.hints.length})`),
              h('ol', null, ...exercise.hints.map((hint, index) => html('li', { key: index }, inlineCode(hint)))),
            )
          : null,
      ),
    ),
  );
}

function ReadmeNote({ contains }: Props<{ contains: string }>): ReactNode {
  const readme = readRepositoryFile('README.md');
  const section = readme.split(ReadmeDifferencesHeading)[1]?.split(/\n## /)[0] ?? '';
  const bullets = section
    .split(/\n- /)
    .map((bullet) => bullet.replace(/\s+/g, ' ').trim())
    .filter((bullet) => bullet.includes(contains));
  if (bullets.length === 0)
    throw new Error(`ReadmeNote: no bullet of "${ReadmeDifferencesHeading}" contains "${contains}"`);
  return h(
    'ul',
    { className: 'readme-note' },
    ...bullets.map((bullet, index) => html('li', { key: index }, inlineCode(bullet.replace(/^- /, '')))),
  );
}

function FeatureIndex(): ReactNode {
  const course = loadCourse();
  const citations = lessonCitations().filter((citation) => citation.component === 'Feature');
  const featureFiles = listFeatureFiles('features');
  return h(
    'table',
    { className: 'feature-index' },
    h('thead', null, h('tr', null, h('th', null, 'Feature file'), h('th', null, 'The claim'), h('th', null, 'Lesson'))),
    h(
      'tbody',
      null,
      ...featureFiles.map((file) => {
        const title = /^\s*Feature:\s*(.*)$/m.exec(readRepositoryFile(file))?.[1] ?? '';
        const lessons = course.lessons.filter((lesson) =>
          citations.some((citation) => citation.lesson === lesson.slug && citation.attributes.path === file),
        );
        return h(
          'tr',
          { key: file },
          h('td', null, h('code', null, file)),
          h('td', null, title),
          h(
            'td',
            null,
            ...(lessons.length === 0
              ? ['—']
              : lessons.map((lesson, index) => [
                  index > 0 ? ', ' : '',
                  h(
                    'a',
                    { key: lesson.slug, href: `${lesson.href}#feature-${slugify(file)}` },
                    `${lesson.number}. ${lesson.title}`,
                  ),
                ])),
          ),
        );
      }),
    ),
  );
}

/** ```sh blocks: highlighted like the excerpts, marked as commands to try. */
function CodeBlock({ children }: Props<object>): ReactNode {
  const code = isValidElement<{ className?: string; children?: ReactNode }>(children) ? children : undefined;
  const language = /language-(\S+)/.exec(code?.props.className ?? '')?.[1] ?? 'plaintext';
  const text = textOf(code?.props.children ?? children).replace(/\n$/, '');
  return h(
    'pre',
    { className: `code-block language-${language}` },
    html('code', { className: `hljs language-${language}` }, highlightCode(text, language)),
  );
}

function listFeatureFiles(folder: string): string[] {
  return readdirSync(path.join(PROJECT_DIR, folder), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const relative = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return listFeatureFiles(relative);
      return entry.name.endsWith('.feature') ? [relative] : [];
    });
}

/** An element whose content is markup this build made itself (escapeHtml, highlight.js, the SVG renderers). */
function html(tag: string, props: Record<string, unknown> | null, markup: string): ReactNode {
  // Safe: every caller passes markup from escapeHtml, inlineCode, highlight.js or the SVG renderers.
  return h(tag, { ...props, dangerouslySetInnerHTML: { __html: markup } });
}

function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return '';
}
