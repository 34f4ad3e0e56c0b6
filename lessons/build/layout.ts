// The page around a lesson: the course map on the left, the lesson in the middle.
//
// Every page links with relative URLs (`watch.html`, `style.css`), so the site works from any
// static server, under any path, and from the file system. An area that is not written yet is
// listed as "coming" and is never a link.

import type { Heading } from './components.js';
import type { Course, Lesson } from './course.js';
import { escapeHtml } from './html.js';

export const StylesheetName = 'style.css';
export const FaviconName = 'favicon.svg';

export interface Page {
  course: Course;
  title: string;
  body: string;
  /** The lesson shown, or undefined for the index. */
  lesson?: Lesson;
  headings: Heading[];
}

export function renderPage({ course, title, body, lesson, headings }: Page): string {
  const lessonHeader = lesson
    ? `<p class="lesson-number">Lesson ${lesson.number}</p>\n<h1>${escapeHtml(lesson.title)}</h1>\n` +
      `<p class="summary">${escapeHtml(lesson.summary)}</p>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · kubelab</title>
<link rel="icon" href="${FaviconName}" type="image/svg+xml">
<link rel="stylesheet" href="${StylesheetName}">
</head>
<body>
<nav class="course-nav" aria-label="Course map">
<a class="brand" href="index.html">kubelab<span>${escapeHtml(course.title)}</span></a>
<ol class="course-map">
${course.lessons.map((entry) => navEntry(entry, lesson, headings)).join('\n')}
</ol>
</nav>
<main>
<article class="${lesson ? 'lesson' : 'index'}">
${lessonHeader}
${body}
</article>
${lesson ? pager(course, lesson) : ''}
</main>
</body>
</html>
`;
}

/** The index: what the course is, and the course map in learning order. */
export function renderCourseMap(course: Course): string {
  const items = course.lessons.map((lesson) => {
    const title = lesson.isWritten
      ? `<a href="${lesson.href}">${escapeHtml(lesson.title)}</a>`
      : `${escapeHtml(lesson.title)} <span class="badge">coming</span>`;
    return (
      `<li class="${lesson.isWritten ? 'written' : 'coming'}"><span class="number">${lesson.number}</span>` +
      `<div><h3>${title}</h3><p>${escapeHtml(lesson.summary)}</p></div></li>`
    );
  });
  return `<ol class="course-index">\n${items.join('\n')}\n</ol>`;
}

function navEntry(entry: Lesson, current: Lesson | undefined, headings: Heading[]): string {
  const label = `<span class="number">${entry.number}</span> ${escapeHtml(entry.title)}`;
  if (!entry.isWritten) return `<li class="coming">${label} <span class="badge">coming</span></li>`;
  const isCurrent = entry.slug === current?.slug;
  const links = headings.map((heading) => `<li><a href="#${heading.id}">${escapeHtml(heading.text)}</a></li>`);
  const sections = isCurrent && headings.length > 0 ? `<ol class="sections">${links.join('')}</ol>` : '';
  const ariaCurrent = isCurrent ? ' aria-current="page"' : '';
  const link = `<a href="${entry.href}"${ariaCurrent}>${label}</a>`;
  return `<li class="${isCurrent ? 'current' : 'written'}">${link}${sections}</li>`;
}

function pager(course: Course, lesson: Lesson): string {
  const written = course.lessons.filter((entry) => entry.isWritten);
  const index = written.findIndex((entry) => entry.slug === lesson.slug);
  const previous = written[index - 1];
  const next = written[index + 1];
  const link = (entry: Lesson | undefined, rel: string, label: string) =>
    entry
      ? `<a rel="${rel}" href="${entry.href}"><span>${label}</span>${entry.number}. ${escapeHtml(entry.title)}</a>`
      : '<span></span>';
  const links = `${link(previous, 'prev', 'Previous')}${link(next, 'next', 'Next')}`;
  return `<nav class="pager" aria-label="Lessons">${links}</nav>`;
}
