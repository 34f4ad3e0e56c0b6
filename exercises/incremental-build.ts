// The project's build (`tsc -p tsconfig.json`), kept in memory between builds.
//
// A fresh `tsc` parses every file of the project and of its types before it checks one: about
// 8 seconds here, even when a single file changed. Graders build again and again after a
// one-file edit (the watch mode after each save, the mutant grader for each mutant), so they keep
// the parsed files and the checker's results, as `tsc --watch` does: a file whose text is
// unchanged is not parsed again, and only the files an edit can affect are checked and emitted.

import path from 'node:path';
import ts from 'typescript';

export interface BuildResult {
  ok: boolean;
  /** The errors, worded as `tsc` words them; empty when ok. */
  output: string;
}

export class IncrementalBuild {
  private readonly host: ts.CompilerHost;
  private previous: ts.EmitAndSemanticDiagnosticsBuilderProgram | undefined;
  /** Each file's last parse, by name: reused while the file's text is the same. */
  private readonly parsed = new Map<string, ts.SourceFile>();

  constructor(private readonly projectDir: string) {
    this.host = ts.createIncrementalCompilerHost(this.config().options);
    const parse = this.host.getSourceFile.bind(this.host);
    this.host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
      const text = ts.sys.readFile(fileName);
      const known = this.parsed.get(fileName);
      if (known !== undefined && known.text === text) return known;
      const file = parse(fileName, languageVersion, onError, shouldCreate);
      if (file) this.parsed.set(fileName, file);
      return file;
    };
  }

  /** Typecheck and emit, as `tsc -p tsconfig.json` would; only what changed is done again. */
  build(): BuildResult {
    const config = this.config();
    const program = ts.createEmitAndSemanticDiagnosticsBuilderProgram(
      config.fileNames,
      config.options,
      this.host,
      this.previous,
      config.errors,
    );
    this.previous = program;
    const diagnostics = [
      ...program.getConfigFileParsingDiagnostics(),
      ...program.getOptionsDiagnostics(),
      ...program.getGlobalDiagnostics(),
      ...program.getSyntacticDiagnostics(),
      ...program.getSemanticDiagnostics(),
    ];
    // Emitted even with errors, as tsc does: dist/ always follows the code.
    diagnostics.push(...program.emit().diagnostics);
    const errors = diagnostics.filter((diagnostic) => diagnostic.category === ts.DiagnosticCategory.Error);
    const output = ts.formatDiagnostics(errors, {
      getCanonicalFileName: (fileName) => fileName,
      getCurrentDirectory: () => this.projectDir,
      getNewLine: () => '\n',
    });
    return { ok: errors.length === 0, output };
  }

  /** tsconfig.json, read again each build: a file added to the project is built too. */
  private config(): ts.ParsedCommandLine {
    const file = path.join(this.projectDir, 'tsconfig.json');
    const { config, error } = ts.readConfigFile(file, ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
    return ts.parseJsonConfigFileContent(config, ts.sys, this.projectDir, undefined, file);
  }
}
