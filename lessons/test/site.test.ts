// The built course site, in a real browser: Debian's chromium driven by playwright-core.
//
// Serves lessons/dist (built by `npm run lessons:build`) on localhost and checks what a learner
// would notice: every written lesson renders with its feature blocks, code excerpts and saved
// explanations filled in, the course map lists every area in order and links only the written
// ones, every internal link and #anchor resolves, and no page asks for anything outside the site
// (it must work offline). Run with `npm run test:lessons`.

import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { loadCourse } from '../build/course.js';
import { SiteDir } from '../build/site.js';
import { type ServedSite, serveDirectory } from '../build/static-server.js';

const ChromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LaunchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const course = loadCourse();
const written = course.lessons.filter((lesson) => lesson.isWritten);
let site: ServedSite;
let context: BrowserContext;
let userDataDir: string;
/** Every URL any page asked for, to prove the site loads nothing from elsewhere. */
const requested = new Set<string>();
const consoleErrors: string[] = [];

before(async () => {
  assert.ok(
    existsSync(path.join(SiteDir, 'index.html')),
    'lessons/dist/index.html is missing: run `npm run lessons:build` first',
  );
  site = await serveDirectory(SiteDir, 0);
  userDataDir = mkdtempSync(path.join(tmpdir(), 'kubelab-lessons-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: ChromiumPath,
    headless: true,
    args: LaunchArgs,
  });
  context.on('request', (request) => requested.add(request.url()));
  context.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
});

after(async () => {
  await context?.close();
  await site?.close();
  if (userDataDir) rmSync(userDataDir, { recursive: true, force: true });
});

async function open(relative: string): Promise<Page> {
  const page = await context.newPage();
  const response = await page.goto(new URL(relative, site.url).href);
  assert.equal(response?.status(), 200, `${relative} answered ${response?.status()}`);
  return page;
}

test('the index lists the course map in learning order, linking only written lessons', async () => {
  const page = await open('index.html');
  const items = await page.locator('.course-index > li').evaluateAll((elements) =>
    elements.map((element) => ({
      title: element.querySelector('h3')?.textContent ?? '',
      link: element.querySelector('h3 a')?.getAttribute('href') ?? undefined,
    })),
  );
  assert.deepEqual(
    items.map((item) => item.title.replace(/\s*coming$/, '')),
    course.lessons.map((lesson) => lesson.title),
  );
  assert.deepEqual(
    items.map((item) => item.link),
    course.lessons.map((lesson) => (lesson.isWritten ? lesson.href : undefined)),
  );
  await page.close();
});

for (const lesson of written) {
  test(`lesson ${lesson.number} "${lesson.title}" renders its features, code excerpts and diagrams`, async () => {
    const page = await open(lesson.href);
    assert.equal((await page.locator('article h1').textContent())?.trim(), lesson.title);
    assert.equal(await page.locator('.course-map li.current a[aria-current="page"]').getAttribute('href'), lesson.href);
    const features = await page.locator('figure.feature pre').allTextContents();
    assert.ok(features.length > 0, 'no feature block');
    for (const feature of features) assert.match(feature, /Feature:.*\S/, 'a feature block without its Feature line');
    assert.ok((await page.locator('figure.feature .gk-keyword').count()) > 0, 'feature keywords are not highlighted');
    const excerpts = await page.locator('figure.code-excerpt pre').allTextContents();
    assert.ok(excerpts.length > 0, 'no code excerpt');
    for (const excerpt of excerpts) assert.ok(excerpt.trim().length > 0, 'an empty code excerpt');
    for (const table of await page.locator('figure.explanation table').all()) {
      assert.ok((await table.locator('tbody td.score').count()) > 0, 'an explanation table without scores');
      assert.equal(
        await table.locator('thead th.selected').count(),
        1,
        'an explanation table that does not mark the selected node',
      );
    }
    for (const svg of await page.locator('figure.trace svg, figure.sequence svg').all()) {
      assert.ok((await svg.locator('text').count()) > 3, 'a sequence diagram without labels');
    }
    assert.ok((await page.locator('.claim').count()) > 0, 'no documented claim is quoted');
    await page.close();
  });
}

test('every internal link and #anchor resolves, crawling from the index', async () => {
  const origin = new URL(site.url).origin;
  const pending = ['index.html'];
  const visited = new Set<string>();
  const anchorsByPage = new Map<string, Set<string>>();
  const links: Array<{ from: string; href: string }> = [];
  while (pending.length > 0) {
    const current = pending.shift() ?? '';
    if (visited.has(current)) continue;
    visited.add(current);
    const page = await open(current);
    anchorsByPage.set(
      current,
      new Set(await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id))),
    );
    const pageUrl = page.url();
    const attributes = await page
      .locator('a[href], link[href]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('href') ?? ''));
    const hrefs = attributes.map((href) => new URL(href, pageUrl).href);
    await page.close();
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin) continue;
      links.push({ from: current, href });
      const target = url.pathname.replace(/^\//, '') || 'index.html';
      if (target.endsWith('.html') && !visited.has(target)) pending.push(target);
    }
  }
  for (const lesson of written) assert.ok(visited.has(lesson.href), `${lesson.href} is not reachable from the index`);
  for (const { from, href } of links) {
    const url = new URL(href);
    const target = url.pathname.replace(/^\//, '') || 'index.html';
    const response = await context.request.get(`${origin}/${target}`);
    assert.equal(response.status(), 200, `${from} links to ${href}, which answers ${response.status()}`);
    const anchor = decodeURIComponent(url.hash.slice(1));
    if (anchor)
      assert.ok(
        anchorsByPage.get(target)?.has(anchor),
        `${from} links to ${href}, but ${target} has no element with id "${anchor}"`,
      );
  }
});

test('no page loads anything from outside the site, and none logs an error', () => {
  const origin = new URL(site.url).origin;
  const outside = [...requested].filter((url) => !url.startsWith(origin) && !url.startsWith('data:'));
  assert.deepEqual(outside, []);
  assert.deepEqual(consoleErrors, []);
});
