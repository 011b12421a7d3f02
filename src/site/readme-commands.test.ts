/**
 * The README's commands work on a machine whose system Node is older than 22: each one goes
 * through npm (which runs the Node 22 of devDependencies) and names a script that exists, because
 * `node scripts/x.ts` under Node 20 fails with "Unknown file extension .ts".
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const scripts = Object.keys(
  (
    JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    }
  ).scripts,
);

/** Every command line of the README's `sh` blocks, comments and environment prefixes removed. */
function commands(): string[] {
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/#.*/, '').trim())
    .filter((line) => line !== '')
    .flatMap((line) => line.split('&&').map((part) => part.trim()))
    .map((part) => part.replace(/^([A-Z_]+=\S+\s+)+/, ''));
}

test('the README has commands to check', () => {
  assert.ok(commands().length > 10);
});

test('no README command runs a .ts file with the system node', () => {
  for (const command of commands()) {
    assert.doesNotMatch(command, /^node\s/, `"${command}" would run the system Node`);
  }
});

test('every `npm run X` and `npm X` in the README names a script of package.json', () => {
  const builtins = new Set(['ci', 'install', 'test', 'start']);
  for (const command of commands()) {
    const run = /^npm run ([\w:-]+)/.exec(command);
    if (run) assert.ok(scripts.includes(run[1] ?? ''), `"${command}": no script ${run[1]}`);
    else if (command.startsWith('npm ')) {
      const verb = command.split(/\s+/)[1] ?? '';
      assert.ok(builtins.has(verb), `"${command}": unknown npm command`);
      if (verb === 'test' || verb === 'start') assert.ok(scripts.includes(verb));
    }
  }
});
