// The kept build on a project of two files: it reports what tsc reports, and emits what changed.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { IncrementalBuild } from './incremental-build.js';

const Config = {
  compilerOptions: { target: 'ES2022', module: 'NodeNext', strict: true, types: [], outDir: 'dist' },
  include: ['src'],
};

test('builds again after each edit: an error is reported as tsc words it, its fix is emitted', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'incremental-build-'));
  try {
    writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(Config));
    const source = (name: string) => path.join(dir, 'src', name);
    writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
    mkdirSync(path.join(dir, 'src'));
    writeFileSync(source('double.ts'), 'export const double = (n: number): number => n * 2;\n');
    writeFileSync(source('main.ts'), "import { double } from './double.js';\nexport const four = double(2);\n");
    const build = new IncrementalBuild(dir);

    assert.deepEqual(build.build(), { ok: true, output: '' });
    assert.match(readFileSync(path.join(dir, 'dist', 'double.js'), 'utf8'), /n \* 2/);

    writeFileSync(source('double.ts'), 'export const double = (n: number): string => n * 2;\n');
    const broken = build.build();
    assert.equal(broken.ok, false);
    assert.match(
      broken.output,
      /src\/double\.ts\(1,46\): error TS2322: Type 'number' is not assignable to type 'string'/,
    );

    writeFileSync(source('double.ts'), 'export const double = (n: number): number => n + n;\n');
    assert.deepEqual(build.build(), { ok: true, output: '' });
    assert.match(readFileSync(path.join(dir, 'dist', 'double.js'), 'utf8'), /n \+ n/);

    // A file that uses the changed one is checked again, not taken from the last build.
    writeFileSync(source('double.ts'), 'export const double = (n: string): string => n + n;\n');
    const dependent = build.build();
    assert.equal(dependent.ok, false);
    assert.match(dependent.output, /src\/main\.ts\(2,\d+\): error TS2345/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
