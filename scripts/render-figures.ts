/**
 * Runs lesson programs in Node and writes every figure and graph they draw as SVG files:
 * `npm run render-figures -- 34/main [NN/name ...] OUT_DIR` writes OUT_DIR/34-main-1.svg, ...
 * A path ending in `.ts` runs that file instead (`draft.ts` writes draft-1.svg, ...).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { runProgram } from '../src/course/lesson-files.ts';
import { renderRich } from '../src/rich/render-rich.ts';

const args = process.argv.slice(2);
const outDir = args.pop();
if (args.length === 0 || outDir === undefined) {
  console.error('usage: npm run render-figures -- NN/name|file.ts [...] OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const id of args) {
  const isPath = id.endsWith('.ts');
  const source = readFileSync(isPath ? id : `content/docs/steps/${id}.ts`, 'utf8');
  const prefix = isPath ? basename(id, '.ts') : id.replace('/', '-');
  const { error, rich: items } = await runProgram(source);
  if (error) {
    failed = true;
    console.error(
      `${id}: ${error.name}: ${error.message} (line ${error.line}, column ${error.column})`,
    );
  }
  for (const [k, item] of items.entries()) {
    const path = join(outDir, `${prefix}-${k + 1}.svg`);
    writeFileSync(path, await renderRich(item));
    console.error(
      `wrote ${path} (${item.kind}${item.toFile !== undefined ? `, ${item.toFile}` : ''})`,
    );
  }
  if (items.length === 0) console.error(`${id}: drew nothing`);
}
process.exit(failed ? 1 : 0);
