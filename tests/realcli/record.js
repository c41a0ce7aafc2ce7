#!/usr/bin/env node
// Records what `node <bin>` does for every case in cases.json: stdout, stderr, exit code and the
// files the run wrote, into expected/<case>.json. tests/realcli.rs compares packed binaries
// against these, so CI never needs node. Run after `npm ci` here, with node v20:
//   node tests/realcli/record.js [CASE_NAME_SUBSTRING]
// Each case runs exactly as the Rust test runs the packed binary (see runCase); keep the two in
// step.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const here = __dirname;
const { tools, cases } = JSON.parse(fs.readFileSync(path.join(here, 'cases.json'), 'utf8'));
const filter = process.argv[2];

// An empty working directory holding only the case's inputs, and a separate empty HOME.
function prepare(testCase) {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'realcli-'));
  const cwd = path.join(base, 'work');
  const home = path.join(base, 'home');
  fs.mkdirSync(cwd);
  fs.mkdirSync(home);
  for (const input of testCase.inputs ?? []) fs.copyFileSync(path.join(here, 'inputs', input), path.join(cwd, input));
  return { base, cwd, home };
}

function runCase(testCase) {
  const { base, cwd, home } = prepare(testCase);
  const bin = path.join(here, tools[testCase.tool].bin);
  const result = spawnSync(process.execPath, [bin, ...testCase.args], {
    cwd,
    // No PATH: a tool that shells out to anything fails the same way packed or not.
    env: { HOME: home, ...(testCase.env ?? {}) },
    input: testCase.stdin === undefined ? '' : fs.readFileSync(path.join(here, 'inputs', testCase.stdin)),
    timeout: 60_000,
  });
  const normalise = (text) => normaliseText(text, cwd, home);
  const expected = {
    status: result.status,
    stdout: normalise(result.stdout.toString('utf8')),
    stderr: comparableStderr(normalise(result.stderr.toString('utf8')), testCase),
    files: writtenFiles(cwd, testCase, normalise),
  };
  fs.rmSync(base, { recursive: true, force: true });
  return expected;
}

// The normalisation tests/realcli.rs applies too, kept minimal: the temporary directories, and
// where the tool's own files live (node_modules here, the executable's virtual root when packed).
function normaliseText(text, cwd, home) {
  const modules = path.join(here, 'node_modules');
  return text
    .split(cwd).join('[CWD]')
    .split(home).join('[HOME]')
    .split(`file://${modules}`).join('[ROOT]')
    .split(modules).join('[ROOT]')
    // The trailer of an uncaught error names the Node release; the runtime follows an older one.
    .replace(/^Node\.js v\d+\.\d+\.\d+$/gm, 'Node.js [VERSION]');
}

function comparableStderr(text, testCase) {
  const stderr = dropStackFrames(text);
  return testCase.rethrown ? dropReportHeader(stderr) : stderr;
}

// The "file:line / source line / caret" block above an uncaught error, up to its blank line.
function dropReportHeader(text) {
  const blank = text.indexOf('\n\n');
  return blank === -1 ? text : text.slice(blank + 2);
}

// Stack frames ("    at f (file:line:col)") name the engine's internals (node:internal/...),
// which differ between engines; the message above them is what a user reads, and is compared.
function dropStackFrames(text) {
  return text.split('\n').filter((line) => !/^ {4}at /.test(line)).join('\n');
}

// Files the run created or changed in its working directory, by relative path.
function writtenFiles(cwd, testCase, normalise) {
  const files = {};
  for (const relative of listFiles(cwd)) {
    const content = fs.readFileSync(path.join(cwd, relative));
    const isInput = (testCase.inputs ?? []).includes(relative);
    if (isInput && content.equals(fs.readFileSync(path.join(here, 'inputs', relative)))) continue;
    files[relative] = normalise(content.toString('utf8'));
  }
  return files;
}

function listFiles(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1)).flatMap((entry) => {
    const relative = prefix + entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), `${relative}/`) : [relative];
  });
}

fs.mkdirSync(path.join(here, 'expected'), { recursive: true });
for (const testCase of cases) {
  if (filter && !testCase.name.includes(filter)) continue;
  const expected = runCase(testCase);
  fs.writeFileSync(path.join(here, 'expected', `${testCase.name}.json`), `${JSON.stringify(expected, null, 2)}\n`);
  console.log(`${testCase.name}: exit ${expected.status}, ${Object.keys(expected.files).length} file(s)`);
}
