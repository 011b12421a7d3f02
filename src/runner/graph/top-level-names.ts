/**
 * The names a program declares at its top level (`const x = …`, `let [a, b] = …`, `class Square`,
 * `function f`), read from the JavaScript that sucrase wrote, so the runner can look at those
 * bindings after the program has ended without changing how the program runs. A scan of tokens,
 * not a parser: a name it finds wrongly is harmless, since its getter fails and is skipped.
 */
import { tokenize } from '../transpile.ts';

const DECLARES = new Set(['const', 'let', 'var']);
const NAMES = new Set(['class', 'function']);
const NAME = /^[\p{ID_Start}$_][\p{ID_Continue}$]*$/u;
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else export extends false ' +
    'finally for function if import in instanceof new null return super switch this throw true ' +
    'try typeof var void while with yield let static await async of enum arguments eval'
  ).split(' '),
);

/** The identifiers declared at the top level of `code`, each once, in order. */
export function topLevelNames(code: string): string[] {
  const tokens = tokenize(code)
    .map(([start, end]) => code.slice(start, end))
    .filter((text) => !text.startsWith('//') && !text.startsWith('/*'));
  const names = new Set<string>();
  const add = (name: string | undefined): void => {
    if (name !== undefined && NAME.test(name) && !RESERVED.has(name)) names.add(name);
  };
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    // A template's chunks: `…${ opens a substitution, }…${ closes one and opens the next, }…` closes it.
    if (token === '}' || token === ')' || token === ']' || token.startsWith('}')) depth--;
    if (token === '{' || token === '(' || token === '[' || token.endsWith('${')) depth++;
    if (depth !== 0) continue;
    if (NAMES.has(token)) {
      // `function* f`: the name follows the star.
      add(tokens[i + 1] === '*' ? tokens[i + 2] : tokens[i + 1]);
    } else if (DECLARES.has(token)) {
      const next = tokens[i + 1];
      if (next === '[' || next === '{') i = patternNames(tokens, i + 1, add);
      else add(next);
    }
  }
  return [...names];
}

/** Adds the names a destructuring pattern at `open` binds; returns the index of its closing bracket. */
function patternNames(tokens: string[], open: number, add: (name: string) => void): number {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === '[' || token === '{' || token === '(') depth++;
    else if (token === ']' || token === '}' || token === ')') depth--;
    if (depth === 0) return i;
    // A binding is followed by `,`, `=` or a closing bracket; a key by `:`.
    const after = tokens[i + 1];
    if (after === ',' || after === '=' || after === ']' || after === '}') add(token);
  }
  return tokens.length;
}

/**
 * A statement for the end of the program: hands `receiver` a getter per top-level name, so the
 * bindings can be read after the program ends (a getter of a name that is not a binding throws).
 */
export function bindingsStatement(code: string, receiver: string): string {
  const getters = topLevelNames(code).map((name) => `${JSON.stringify(name)}: () => ${name}`);
  return `;${receiver}({ ${getters.join(', ')} });`;
}
