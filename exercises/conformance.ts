// `npm run conformance [-- --check]`: docs/conformance.md, the list of documented claims the
// features check, in the manner of Kubernetes' own conformance test list.
//
// Every scenario carries a stable id (`@conformance:<id>`) and the Kubernetes version its claim
// was checked against (`@k8s:<version>`, usually on the Feature); the claim is the scenario's
// Rule, or the Feature's title when it has no Rule. Scenarios are read the way cucumber reads
// them (a dry run with this project's configuration), so the list covers exactly what
// `npm test` runs. `--check` fails when a scenario lacks its tags or the file is out of date.

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfiguration, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope, GherkinDocument, Pickle } from '@cucumber/messages';
import { PROJECT_DIR } from '../impl/project-root.js';

export const ConformanceFile = 'docs/conformance.md';
const ConformanceTag = '@conformance:';
const VersionTag = '@k8s:';

interface Claim {
  id: string;
  claim: string;
  feature: string;
  scenario: string;
  location: string;
  version: string;
  needs: string[];
  exercises: string[];
  cases: number;
}

interface ScenarioPlace {
  feature: string;
  rule?: string;
  scenario: string;
  location: string;
}

async function readScenarios(): Promise<{ documents: GherkinDocument[]; pickles: Pickle[] }> {
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  const environment = { cwd: PROJECT_DIR, stdout: discard, stderr: process.stderr };
  const { runConfiguration } = await loadConfiguration({}, environment);
  const options = {
    ...runConfiguration,
    runtime: { ...runConfiguration.runtime, dryRun: true },
    formats: { ...runConfiguration.formats, stdout: 'summary', files: {} },
  };
  const envelopes: Envelope[] = [];
  await runCucumber(options, environment, (envelope) => envelopes.push(envelope));
  return {
    documents: envelopes.flatMap((envelope) => (envelope.gherkinDocument ? [envelope.gherkinDocument] : [])),
    pickles: envelopes.flatMap((envelope) => (envelope.pickle ? [envelope.pickle] : [])),
  };
}

/** Where each scenario of a feature file sits: its Feature, its Rule (if any), its line. */
function placesIn(document: GherkinDocument): Map<string, ScenarioPlace> {
  const places = new Map<string, ScenarioPlace>();
  const feature = document.feature;
  if (!feature) return places;
  const visit = (children: typeof feature.children, rule?: string) => {
    for (const child of children) {
      if (child.rule) visit(child.rule.children, child.rule.name);
      if (child.scenario) {
        const { id, name, location } = child.scenario;
        places.set(id, { feature: feature.name, rule, scenario: name, location: `${document.uri}:${location.line}` });
      }
    }
  };
  visit(feature.children);
  return places;
}

function collectClaims(documents: GherkinDocument[], pickles: Pickle[]): { claims: Claim[]; problems: string[] } {
  const places = new Map(documents.flatMap((document) => [...placesIn(document)]));
  const claims = new Map<string, Claim & { scenarioId: string }>();
  const problems: string[] = [];
  for (const pickle of pickles) {
    const tags = pickle.tags.map((tag) => tag.name);
    const scenarioId = pickle.astNodeIds[0] ?? '';
    const place = places.get(scenarioId);
    const ids = tags.filter((tag) => tag.startsWith(ConformanceTag)).map((tag) => tag.slice(ConformanceTag.length));
    const versions = tags.filter((tag) => tag.startsWith(VersionTag)).map((tag) => tag.slice(VersionTag.length));
    const where = `${place?.location ?? pickle.uri} "${pickle.name}"`;
    if (ids.length !== 1 || versions.length !== 1 || !place) {
      problems.push(
        `${where}: needs one ${ConformanceTag}<id> tag and one ${VersionTag}<version> tag ` +
          `(it has ${ids.length} and ${versions.length})`,
      );
      continue;
    }
    const id = ids[0] as string;
    const existing = claims.get(id);
    if (existing && existing.scenarioId !== scenarioId)
      problems.push(`${where}: ${ConformanceTag}${id} is also the id of ${existing.location}`);
    if (existing) {
      existing.cases += 1;
      continue;
    }
    const needs = tags.filter((tag) => tag.startsWith('@needs-')).map((tag) => tag.slice('@needs-'.length));
    const exercises = tags.filter((tag) => tag.startsWith('@exercise-')).map((tag) => tag.slice('@exercise-'.length));
    const claim = place.rule ?? place.feature;
    claims.set(id, {
      id,
      scenarioId,
      claim,
      feature: place.feature,
      scenario: place.scenario,
      location: place.location,
      version: versions[0] as string,
      needs,
      exercises,
      cases: 1,
    });
  }
  return { claims: [...claims.values()], problems };
}

function render(claims: Claim[]): string {
  const lines = [
    '# Conformance: the documented claims kubelab checks',
    '',
    '<!-- Generated by `npm run conformance` from the features; CI checks that it is up to date. -->',
    '',
    'Each row is one documented Kubernetes behaviour, stated as a Rule (or a Feature) in `features/`,',
    'with the stable id of the scenario that checks it, the Kubernetes version the claim was checked',
    'against, and what the scenario needs beyond the API.',
    '',
    '- **Kubernetes** is the version of `@k8s:<version>`: the release whose source and documentation',
    '  the claim (its messages, keys, formulas, defaults) was checked against, not a version the',
    '  scenario detects or requires.',
    '- **needs** says what a cluster must open for the scenario to run: `etcd` (it reads etcd',
    "  directly), `audit` (it reads the API server's audit log), `component-control` (it kills and",
    '  starts components, so only a cluster the run started itself), `simulated-nodes` (it makes',
    "  Node objects whose kubelet kubelab's node agent plays, kwok-style; every kubelab cluster has",
    '  the agent, other clusters do not). `API` alone means any conformant API server.',
    '',
    'Any cluster can be pointed at: `KUBELAB_KUBECONFIG=<kubeconfig> npm test`. Scenarios whose',
    'needs that cluster does not meet are reported as not applicable, not as failed.',
  ];
  for (const feature of [...new Set(claims.map((claim) => claim.feature))]) {
    const rows = claims.filter((claim) => claim.feature === feature);
    lines.push(
      '',
      `## ${feature}`,
      '',
      `\`${rows[0]?.location.split(':')[0]}\``,
      '',
      '| id | claim | scenario | Kubernetes | needs | exercise |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const row of rows) {
      const cases = row.cases > 1 ? ` (${row.cases} cases)` : '';
      const link = `[line ${row.location.split(':')[1]}](../${row.location.replace(':', '#L')})`;
      const scenario = `${row.scenario}${cases} (${link})`;
      const needs = row.needs.join(', ') || 'API';
      lines.push(
        `| \`${row.id}\` | ${cell(row.claim)} | ${cell(scenario)} | ${row.version} | ` +
          `${needs} | ${row.exercises.join(', ')} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function cell(text: string): string {
  return text.replaceAll('|', '\\|').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

async function main(isCheck: boolean): Promise<boolean> {
  const { documents, pickles } = await readScenarios();
  const { claims, problems } = collectClaims(documents, pickles);
  const file = path.join(PROJECT_DIR, ConformanceFile);
  const text = render(claims);
  for (const problem of problems) console.log(`  # ${problem}`);
  if (!isCheck) {
    writeFileSync(file, text);
    console.log(`${ConformanceFile}: ${claims.length} claims`);
    return problems.length === 0;
  }
  const isCurrent = readFileSync(file, 'utf8') === text;
  console.log(
    `${problems.length === 0 ? 'ok' : 'not ok'} 1 - every scenario has a conformance id and a Kubernetes version`,
  );
  const staleHint = isCurrent ? '' : ' (run npm run conformance)';
  console.log(`${isCurrent ? 'ok' : 'not ok'} 2 - ${ConformanceFile} is up to date${staleHint}`);
  const failed = (problems.length === 0 ? 0 : 1) + (isCurrent ? 0 : 1);
  console.log(`# pass ${2 - failed}\n# fail ${failed}`);
  return failed === 0;
}

main(process.argv.includes('--check')).then(
  (isOk) => process.exit(isOk ? 0 : 1),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
