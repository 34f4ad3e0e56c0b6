// Compiling one lesson: MDX source → bundled code (mdx-bundler, esbuild) → static HTML.
//
// mdx-bundler turns the MDX (with GitHub-flavoured tables) into a function component; React
// renders it once, on the server, with the components of components.ts, and the page ships no
// JavaScript. A missing component, a bad file name or a region that does not exist fails here,
// with the lesson's name on it.

import { getMDXComponent } from 'mdx-bundler/client/index.js';
import { bundleMDX } from 'mdx-bundler';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import remarkGfm from 'remark-gfm';
import { type Heading, lessonComponents } from './components.js';
import { ContentDir, type Lesson } from './course.js';

export interface RenderedLesson {
  html: string;
  /** The lesson's h2 sections, for the navigation. */
  headings: Heading[];
}

export async function renderLesson(lesson: Lesson, source: string): Promise<RenderedLesson> {
  const { code, errors } = await bundleMDX({
    source,
    cwd: ContentDir,
    // GitHub-flavoured Markdown: tables, for the key layouts and status codes the lessons list.
    mdxOptions: (options) => ({ ...options, remarkPlugins: [...(options.remarkPlugins ?? []), remarkGfm] }),
  });
  if (errors.length > 0)
    throw new Error(`renderLesson: ${lesson.slug}.mdx: ${errors.map((error) => error.text).join('; ')}`);
  const Content = getMDXComponent(code);
  const { components, headings } = lessonComponents();
  try {
    const html = renderToStaticMarkup(createElement(Content, { components }));
    return { html, headings };
  } catch (error) {
    throw new Error(`renderLesson: ${lesson.slug}.mdx: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
}
