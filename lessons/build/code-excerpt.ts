// Code excerpts: a named region of a repository file, or its header comment, at build time.
//
// `<Code file="impl/store/store.ts" region="guaranteed-update" />` shows the code inside that
// region as the file has it now, highlighted, with its file and line numbers; a region that
// does not exist stops the build. The excerpt drops nested region markers and removes the
// common indent; the region grammar itself is exercises/regions.ts. `<Header file="..." />`
// quotes the comment a file opens with, which by house style states the Kubernetes sentence
// it makes real and what it simplifies.

import hljs from 'highlight.js';
import { isRegionMarker, parseRegions, type Region } from '../../exercises/regions.js';
import { readRepositoryFile } from './repository.js';

export interface Excerpt {
  file: string;
  region: Region;
  /** Highlighted HTML of the region's code. */
  html: string;
}

export function codeExcerpt(file: string, regionId: string): Excerpt {
  const found = extractRegion(readRepositoryFile(file), regionId);
  if (!found) throw new Error(`codeExcerpt: ${file} has no region "${regionId}"`);
  return { file, region: found.region, html: highlightCode(found.code, languageOf(file)) };
}

/** The code inside region `id`, without nested markers, de-indented; undefined if there is none. */
export function extractRegion(text: string, id: string): { code: string; region: Region } | undefined {
  const region = parseRegions(text).regions.find((candidate) => candidate.id === id);
  if (!region) return undefined;
  const inside = text
    .split('\n')
    .slice(region.startLine, region.endLine - 1)
    .filter((line) => !isRegionMarker(line));
  return { code: dedent(inside).join('\n'), region };
}

/** Removes the indentation every non-blank line shares, and blank lines at either end. */
export function dedent(lines: string[]): string[] {
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return [];
  const last = lines.length - 1 - [...lines].reverse().findIndex((line) => line.trim() !== '');
  const body = lines.slice(first, last + 1);
  const indents = body.filter((line) => line.trim() !== '').map((line) => /^\s*/.exec(line)?.[0].length ?? 0);
  const common = Math.min(...indents);
  return body.map((line) => line.slice(common));
}

/** Highlighted HTML for `code`; text in a language highlight.js does not know is only escaped. */
export function highlightCode(code: string, language: string): string {
  const known = hljs.getLanguage(language) ? language : 'plaintext';
  return hljs.highlight(code, { language: known, ignoreIllegals: true }).value;
}

/** The paragraphs of the `//` comment a file opens with. */
export function headerComment(file: string): string[] {
  const lines = readRepositoryFile(file).split('\n');
  const comment: string[] = [];
  for (const line of lines) {
    if (!line.startsWith('//')) break;
    comment.push(line.replace(/^\/\/ ?/, ''));
  }
  if (comment.length === 0) throw new Error(`headerComment: ${file} does not open with a // comment`);
  const paragraphs: string[] = [];
  let current: string[] = [];
  for (const line of [...comment, '']) {
    if (line.trim() === '') {
      if (current.length > 0) paragraphs.push(current.join(' '));
      current = [];
    } else {
      current.push(line.trim());
    }
  }
  return paragraphs;
}

function languageOf(file: string): string {
  const extension = file.split('.').pop() ?? '';
  const languages: Record<string, string> = {
    ts: 'typescript',
    mjs: 'javascript',
    js: 'javascript',
    sh: 'bash',
    json: 'json',
    yaml: 'yaml',
    yml: 'yaml',
  };
  return languages[extension] ?? 'plaintext';
}
