// Sequence diagrams as inline SVG: participants side by side, messages top to bottom.
//
// Both hand-drawn diagrams (`<Sequence participants={...} steps={...} />` in a lesson) and
// recorded traces (trace.ts turns an audit log into steps) are drawn here, so a trace and the
// lesson's explanation of it look alike. Layout is computed from text widths: each gap between
// two lifelines grows until the labels of the messages that cross it fit. Colours and fonts
// come from the page's CSS classes (`seq-*`), so the SVG works offline and prints.

import { escapeHtml } from './html.js';

/** An arrow from one participant to another (or to itself); `label` may span several lines. */
export interface SequenceMessage {
  from: string;
  to: string;
  label: string | string[];
  /** request: solid; reply: dashed; event: a watch event; failure: an error answer. */
  style?: 'request' | 'reply' | 'event' | 'failure';
}

/** A note drawn over one participant, or across two. */
export interface SequenceNote {
  over: string | [string, string];
  note: string | string[];
}

export type SequenceStep = SequenceMessage | SequenceNote;

export interface SequenceDiagram {
  title: string;
  participants: string[];
  steps: SequenceStep[];
}

const CharWidth = 7.3;
const HeaderCharWidth = 8;
const LineHeight = 15;
const Margin = 16;
const HeaderHeight = 32;
const MinGap = 110;
const LabelPadding = 28;
const SelfLoopWidth = 28;
const ArrowHead = 7;

export function renderSequenceSvg(diagram: SequenceDiagram): string {
  const columns = layoutColumns(diagram);
  const x = (participant: string) => columns.x.get(participant) ?? 0;
  const body: string[] = [];
  let y = Margin + HeaderHeight + 20;
  for (const step of diagram.steps) {
    const lines = linesOf('note' in step ? step.note : step.label);
    const height = lines.length * LineHeight + 16;
    y += height - LineHeight / 2;
    body.push('note' in step ? drawNote(step, lines, x, y) : drawMessage(step, lines, x, y));
    y += 12;
  }
  const height = y + Margin;
  const lifelines = diagram.participants.map((participant) => {
    const center = x(participant);
    const width = headerWidth(participant);
    return [
      `<line class="seq-lifeline" x1="${center}" y1="${Margin + HeaderHeight}" ` +
        `x2="${center}" y2="${height - Margin}"/>`,
      `<rect class="seq-participant" x="${center - width / 2}" y="${Margin}" ` +
        `width="${width}" height="${HeaderHeight}" rx="4"/>`,
      `<text class="seq-participant-label" x="${center}" y="${Margin + HeaderHeight / 2 + 4.5}" text-anchor="middle">` +
        `${escapeHtml(participant)}</text>`,
    ].join('');
  });
  const title = escapeHtml(diagram.title);
  return (
    `<svg class="sequence-diagram" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${columns.width} ${height}" ` +
    `width="${columns.width}" height="${height}" role="img" aria-label="${title}">` +
    `<title>${title}</title>${lifelines.join('')}${body.join('')}</svg>`
  );
}

function drawMessage(message: SequenceMessage, lines: string[], x: (participant: string) => number, y: number): string {
  const style = message.style ?? 'request';
  const from = x(message.from);
  const to = x(message.to);
  const labelY = (index: number) => y - 6 - (lines.length - 1 - index) * LineHeight;
  if (from === to) {
    const right = from + SelfLoopWidth;
    const loopTop = y - 8;
    const loopBottom = y + 6;
    const path =
      `<path class="seq-line seq-${style}" ` +
      `d="M${from} ${loopTop} H${right} V${loopBottom} H${from + ArrowHead}"/>`;
    const text = lines
      .map(
        (line, index) => `<text class="seq-label" x="${right + 8}" y="${labelY(index) + 6}">${escapeHtml(line)}</text>`,
      )
      .join('');
    return `${path}${arrowHead(from, loopBottom, -1, style)}${text}`;
  }
  const direction = to > from ? 1 : -1;
  const x2 = to - direction * ArrowHead;
  const line = `<line class="seq-line seq-${style}" x1="${from}" y1="${y}" x2="${x2}" y2="${y}"/>`;
  const middle = (from + to) / 2;
  const text = lines
    .map(
      (label, index) =>
        `<text class="seq-label" x="${middle}" y="${labelY(index)}" text-anchor="middle">${escapeHtml(label)}</text>`,
    )
    .join('');
  return `${line}${arrowHead(to, y, direction, style)}${text}`;
}

function arrowHead(tipX: number, y: number, direction: number, style: string): string {
  const back = tipX - direction * ArrowHead;
  return `<polygon class="seq-head seq-${style}" points="${tipX},${y} ${back},${y - 4} ${back},${y + 4}"/>`;
}

function drawNote(note: SequenceNote, lines: string[], x: (participant: string) => number, y: number): string {
  const [first, last] = Array.isArray(note.over) ? note.over : [note.over, note.over];
  const textWidth = Math.max(...lines.map((line) => line.length * CharWidth));
  const center = (x(first) + x(last)) / 2;
  const width = Math.max(textWidth + 20, Math.abs(x(last) - x(first)) + 40);
  const top = y - lines.length * LineHeight - 2;
  const rect =
    `<rect class="seq-note" x="${center - width / 2}" y="${top}" ` +
    `width="${width}" height="${lines.length * LineHeight + 10}" rx="3"/>`;
  const text = lines
    .map(
      (line, index) =>
        `<text class="seq-note-label" x="${center}" y="${top + 16 + index * LineHeight}" text-anchor="middle">` +
        `${escapeHtml(line)}</text>`,
    )
    .join('');
  return `${rect}${text}`;
}

/** x of each lifeline, and the width that holds every label and note. */
function layoutColumns(diagram: SequenceDiagram): { x: Map<string, number>; width: number } {
  const { participants } = diagram;
  const index = (participant: string) => {
    const found = participants.indexOf(participant);
    if (found === -1) throw new Error(`renderSequenceSvg: "${participant}" is not a participant of "${diagram.title}"`);
    return found;
  };
  const gaps = participants
    .slice(1)
    .map((participant, i) =>
      Math.max(MinGap, (headerWidth(participants[i] ?? '') + headerWidth(participant)) / 2 + 24),
    );
  let rightOverhang = headerWidth(participants[participants.length - 1] ?? '') / 2;
  let leftOverhang = headerWidth(participants[0] ?? '') / 2;
  for (const step of diagram.steps) {
    const lines = linesOf('note' in step ? step.note : step.label);
    const need = Math.max(...lines.map((line) => line.length * CharWidth));
    if ('note' in step) {
      const [first, last] = Array.isArray(step.over) ? step.over : [step.over, step.over];
      if (index(first) === 0) leftOverhang = Math.max(leftOverhang, need / 2 + 10);
      if (index(last) === participants.length - 1) rightOverhang = Math.max(rightOverhang, need / 2 + 10);
      continue;
    }
    const [from, to] = [index(step.from), index(step.to)].sort((a, b) => a - b) as [number, number];
    if (from === to) {
      const room = SelfLoopWidth + 12 + need;
      if (from === participants.length - 1) rightOverhang = Math.max(rightOverhang, room);
      else gaps[from] = Math.max(gaps[from] ?? 0, room + 16);
      continue;
    }
    widen(gaps, from, to, need + LabelPadding);
  }
  const x = new Map<string, number>();
  let position = Margin + leftOverhang;
  participants.forEach((participant, i) => {
    x.set(participant, Math.round(position));
    position += gaps[i] ?? 0;
  });
  return { x, width: Math.ceil(position + rightOverhang + Margin) };
}

/** Spreads what the gaps between lifelines `from` and `to` lack evenly over them. */
function widen(gaps: number[], from: number, to: number, need: number): void {
  const span = gaps.slice(from, to).reduce((sum, gap) => sum + gap, 0);
  if (span >= need) return;
  const extra = (need - span) / (to - from);
  for (let i = from; i < to; i++) gaps[i] = (gaps[i] ?? 0) + extra;
}

function headerWidth(participant: string): number {
  return Math.max(90, participant.length * HeaderCharWidth + 24);
}

function linesOf(text: string | string[]): string[] {
  return Array.isArray(text) ? text : [text];
}
