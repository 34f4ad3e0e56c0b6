// Building the site: every written lesson and the index, as static files in lessons/dist.
//
// The output is plain HTML and one stylesheet with relative links: no JavaScript, no fonts or
// scripts from elsewhere, so it works offline and from any static server. The index lists the
// whole course map; each lesson page is rendered from its MDX with the repository as it is now.

import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderLesson } from './compile.js';
import { type Course, LessonsDir, loadCourse } from './course.js';
import { FaviconName, renderCourseMap, renderPage, StylesheetName } from './layout.js';

export const SiteDir = path.join(LessonsDir, 'dist');
/** Files of lessons/site copied as they are. */
const Assets = [StylesheetName, FaviconName];
const IndexIntroduction = path.join(LessonsDir, 'site', 'introduction.html');

export interface BuiltSite {
  directory: string;
  pages: string[];
}

export async function buildSite(outputDir: string = SiteDir): Promise<BuiltSite> {
  const course = loadCourse();
  rmSync(outputDir, { recursive: true, force: true });
  mkdirSync(outputDir, { recursive: true });
  const pages = [writeIndex(course, outputDir)];
  for (const lesson of course.lessons.filter((entry) => entry.isWritten)) {
    const { html, headings } = await renderLesson(lesson, readFileSync(lesson.sourcePath, 'utf8'));
    writeFileSync(
      path.join(outputDir, lesson.href),
      renderPage({ course, title: lesson.title, body: html, lesson, headings }),
    );
    pages.push(lesson.href);
  }
  for (const asset of Assets) copyFileSync(path.join(LessonsDir, 'site', asset), path.join(outputDir, asset));
  return { directory: outputDir, pages };
}

function writeIndex(course: Course, outputDir: string): string {
  const body =
    `${readFileSync(IndexIntroduction, 'utf8')}\n` +
    `<h2 id="course-map">The course map</h2>\n${renderCourseMap(course)}`;
  writeFileSync(path.join(outputDir, 'index.html'), renderPage({ course, title: course.title, body, headings: [] }));
  return 'index.html';
}
