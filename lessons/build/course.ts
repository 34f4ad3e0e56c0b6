// The course map: the lesson areas in learning order, read from lessons/course.json.
//
// One row per area. An area is written when lessons/content/<slug>.mdx exists; until then the
// index and the navigation show it as "coming", never as a link. So a later issue adds a lesson
// by writing its MDX file (and a row, if the area is new), and nothing else.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from '../../impl/project-root.js';

export const LessonsDir = path.join(PROJECT_DIR, 'lessons');
export const ContentDir = path.join(LessonsDir, 'content');
export const CourseFile = path.join(LessonsDir, 'course.json');

export interface Area {
  number: number;
  slug: string;
  title: string;
  summary: string;
}

export interface Lesson extends Area {
  isWritten: boolean;
  /** The page, relative to the site root: `architecture.html`. */
  href: string;
  /** The MDX source, when the lesson is written. */
  sourcePath: string;
}

export interface Course {
  title: string;
  lessons: Lesson[];
}

export function loadCourse(): Course {
  const parsed = JSON.parse(readFileSync(CourseFile, 'utf8')) as { title?: unknown; areas?: unknown };
  if (typeof parsed.title !== 'string' || !Array.isArray(parsed.areas)) {
    throw new Error(`loadCourse: ${CourseFile} needs a "title" and an "areas" array`);
  }
  const lessons = parsed.areas.map((row: unknown, index) => toLesson(row, index));
  const slugs = new Set(lessons.map((lesson) => lesson.slug));
  for (const file of readdirSync(ContentDir)) {
    const slug = file.replace(/\.mdx$/, '');
    if (file.endsWith('.mdx') && !slugs.has(slug)) {
      throw new Error(`loadCourse: lessons/content/${file} has no row in lessons/course.json`);
    }
  }
  return { title: parsed.title, lessons };
}

function toLesson(row: unknown, index: number): Lesson {
  const area = row as Partial<Area>;
  const isValid =
    typeof area.number === 'number' &&
    typeof area.slug === 'string' &&
    /^[a-z0-9-]+$/.test(area.slug) &&
    typeof area.title === 'string' &&
    typeof area.summary === 'string';
  if (!isValid) throw new Error(`loadCourse: area ${index + 1} needs number, slug (a-z, 0-9, -), title and summary`);
  const { number, slug, title, summary } = area as Area;
  const sourcePath = path.join(ContentDir, `${slug}.mdx`);
  return { number, slug, title, summary, isWritten: existsSync(sourcePath), href: `${slug}.html`, sourcePath };
}
