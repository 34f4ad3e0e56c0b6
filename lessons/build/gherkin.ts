// Feature files as lessons show them: the Gherkin text, with its keywords highlighted.
//
// A lesson renders `<Feature path="features/api/watch.feature" />` and gets the file as it is
// in the repository, so the claim on the page is the claim the suite runs. `rule` narrows the
// block to the feature's header and one Rule, for a lesson that needs only that claim.
// The highlighter works line by line, as Gherkin itself is line-oriented.

import { escapeHtml } from './html.js';

const SectionKeyword =
  /^(\s*)(Feature|Rule|Background|Scenario Outline|Scenario Template|Scenario|Example|Examples|Scenarios):(.*)$/;
const StepKeyword = /^(\s*)(Given|When|Then|And|But|\*)( .*)$/;
const RuleLine = /^\s*Rule:\s*(.*)$/;

/** The feature's text, or its header and the one Rule whose title contains `rule`. */
export function selectFeatureText(text: string, rule?: string): string {
  const lines = text.replace(/\s+$/, '').split('\n');
  if (rule === undefined) return lines.join('\n');
  const ruleStarts = lines.flatMap((line, index) => (RuleLine.test(line) ? [index] : []));
  const header = lines.slice(0, ruleStarts[0] ?? lines.length);
  const startIndex = ruleStarts.find((index) => RuleLine.exec(lines[index] ?? '')?.[1]?.includes(rule));
  if (startIndex === undefined) throw new Error(`selectFeatureText: no Rule containing "${rule}"`);
  const endIndex = ruleStarts.find((index) => index > startIndex) ?? lines.length;
  const block = lines.slice(startIndex, endIndex);
  while (block.length > 0 && block[block.length - 1]?.trim() === '') block.pop();
  return [...header, ...block].join('\n');
}

/** Gherkin text → HTML lines with spans for keywords, tags, strings, tables and comments. */
export function highlightGherkin(text: string): string {
  let isInDocString = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*("""|```)/.test(line)) {
        isInDocString = !isInDocString;
        return span('gk-docstring', line);
      }
      if (isInDocString) return span('gk-docstring', line);
      return highlightLine(line);
    })
    .join('\n');
}

function highlightLine(line: string): string {
  const trimmed = line.trim();
  if (trimmed.startsWith('#')) return span('gk-comment', line);
  if (trimmed.startsWith('@')) return line.replace(/\S+/g, (tag) => span('gk-tag', tag));
  if (trimmed.startsWith('|')) return highlightTableRow(line);
  const section = SectionKeyword.exec(line);
  if (section) {
    const [, indent = '', keyword = '', title = ''] = section;
    return `${indent}${span('gk-keyword', `${keyword}:`)}${span('gk-title', title)}`;
  }
  const step = StepKeyword.exec(line);
  if (step) {
    const [, indent = '', keyword = '', rest = ''] = step;
    return `${indent}${span('gk-step', keyword)}${highlightStepText(rest)}`;
  }
  return trimmed === '' ? '' : span('gk-description', line);
}

/** Quoted strings and <placeholders> inside a step. */
function highlightStepText(text: string): string {
  return text
    .split(/("(?:[^"\\]|\\.)*"|<[^>\s]+>)/)
    .map((part) => {
      if (part.startsWith('"') && part.length > 1) return span('gk-string', part);
      if (/^<[^>\s]+>$/.test(part)) return span('gk-placeholder', part);
      return escapeHtml(part);
    })
    .join('');
}

function highlightTableRow(line: string): string {
  return line
    .split(/(\|)/)
    .map((part) => (part === '|' ? span('gk-pipe', part) : escapeHtml(part)))
    .join('');
}

function span(className: string, text: string): string {
  return `<span class="${className}">${escapeHtml(text)}</span>`;
}
