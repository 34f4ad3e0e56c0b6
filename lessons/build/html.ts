// Escaping text for HTML and SVG, the one rule every renderer here shares.
//
// Feature files, code excerpts and trace labels are text; they become markup only through
// escapeHtml, so a `<` in TypeScript generics or a quote in a Gherkin step is shown, not parsed.

const Entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => Entities[character] ?? character);
}

/** A lower-case id for anchors: "Write path, step 2" → "write-path-step-2". */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Text with `code spans`, as hints and README bullets write it, → HTML. */
export function inlineCode(text: string): string {
  return text
    .split(/(`[^`]+`)/)
    .map((part) => (/^`[^`]+`$/.test(part) ? `<code>${escapeHtml(part.slice(1, -1))}</code>` : escapeHtml(part)))
    .join('');
}
