// What the lessons cite: every `<Code file region>` and `<Feature path>` in lessons/content.
//
// The build needs it to say which lesson shows which feature; the region lint needs it to find
// regions no lesson quotes. Both read the MDX source as text, so a citation is found whether or
// not the lesson builds.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ContentDir } from './course.js';

export interface Citation {
  /** The slug of the lesson that cites. */
  lesson: string;
  component: string;
  attributes: Record<string, string>;
}

const Tag = /<(Code|Feature|Header|Trace)\b([^>]*?)\/?>/g;
const Attribute = /(\w+)="([^"]*)"/g;

export function lessonCitations(): Citation[] {
  const citations: Citation[] = [];
  for (const file of readdirSync(ContentDir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()) {
    const source = readFileSync(path.join(ContentDir, file), 'utf8');
    for (const [, component = '', attributeText = ''] of source.matchAll(Tag)) {
      const attributes = Object.fromEntries(
        [...attributeText.matchAll(Attribute)].map(([, key = '', value = '']) => [key, value]),
      );
      citations.push({ lesson: file.replace(/\.mdx$/, ''), component, attributes });
    }
  }
  return citations;
}

/** `impl/store/store.ts#guaranteed-update` for each region a lesson quotes. */
export function citedRegions(): Set<string> {
  const cited = lessonCitations().filter((citation) => citation.component === 'Code');
  return new Set(cited.map(({ attributes }) => `${attributes.file ?? ''}#${attributes.region ?? ''}`));
}
