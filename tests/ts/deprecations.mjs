// What an editor shows for each use of an `ERRORS` entry: whether it strikes
// the use through as deprecated, and the `@deprecated` and `@since` texts of
// its hover. It asks the TypeScript language service, the engine behind the
// editors' hovers and strike-through, so the answer is the editors' own.
//
// Usage: node deprecations.mjs <typescript.js> <tsconfig.json> <folder>
//
// <folder> holds errors.ts and uses.ts, written by tests/tests/typescript.rs:
// uses.ts names one entry per line as `  ERRORS.<code>,` (or `ERRORS["<code>"]`).
// Prints one JSON object per such line, in order:
// {"line", "struck", "deprecated" (tag text or null), "since" (tag text or null)}.

import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";

const [typescriptPath, tsconfigPath, folder] = process.argv.slice(2);
const ts = createRequire(import.meta.url)(resolve(typescriptPath));

const config = ts.readConfigFile(tsconfigPath, ts.sys.readFile);
if (config.error) {
  throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, "\n"));
}
const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, folder);
const files = ["errors.ts", "uses.ts"].map((name) => join(folder, name));
const host = {
  getScriptFileNames: () => files,
  getScriptVersion: () => "1",
  getScriptSnapshot: (file) =>
    ts.sys.fileExists(file) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(file)) : undefined,
  getCurrentDirectory: () => folder,
  getCompilationSettings: () => options,
  getDefaultLibFileName: (settings) => ts.getDefaultLibFilePath(settings),
  fileExists: ts.sys.fileExists,
  readFile: ts.sys.readFile,
  readDirectory: ts.sys.readDirectory,
  directoryExists: ts.sys.directoryExists,
  getDirectories: ts.sys.getDirectories,
};
const service = ts.createLanguageService(host, ts.createDocumentRegistry());

const uses = files[1];
const errors = [
  ...service.getSyntacticDiagnostics(uses),
  ...service.getSemanticDiagnostics(uses),
];
if (errors.length > 0) {
  throw new Error(errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")).join("\n"));
}
const source = service.getProgram().getSourceFile(uses);
const lineOf = (position) => source.getLineAndCharacterOfPosition(position).line + 1;
const struckLines = new Set(
  service
    .getSuggestionDiagnostics(uses)
    .filter((diagnostic) => diagnostic.reportsDeprecated)
    .map((diagnostic) => lineOf(diagnostic.start)),
);

const text = readFileSync(uses, "utf8");
const results = [];
let offset = 0;
for (const [index, line] of text.split("\n").entries()) {
  const use = /^ {2}ERRORS(\.|\[)/.exec(line);
  if (use) {
    // The hover over the entry's name, just after `ERRORS.` or `ERRORS[`.
    const info = service.getQuickInfoAtPosition(uses, offset + use[0].length);
    const tag = (name) => {
      const found = info?.tags?.find((t) => t.name === name);
      return found ? ts.displayPartsToString(found.text) : null;
    };
    results.push({
      line: index + 1,
      struck: struckLines.has(index + 1),
      deprecated: tag("deprecated"),
      since: tag("since"),
    });
  }
  offset += line.length + 1;
}
for (const result of results) {
  console.log(JSON.stringify(result));
}
