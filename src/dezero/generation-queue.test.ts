import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GenerationQueue } from './generation-queue.ts';
import { Function } from './core.ts';
import type { Variable } from './core.ts';
import { seededRandom } from './gradient-check.ts';

type Fn = Function<Variable | Variable[]>;

function fn(generation: number): Fn {
  const f = new Function();
  f.generation = generation;
  return f as Fn;
}

test('pops in the order of DeZero: append, stable sort by generation, pop the last', () => {
  const rand = seededRandom(3);
  const queue = new GenerationQueue<Fn>();
  const list: Fn[] = [];
  const popped: [Fn[], Fn[]] = [[], []];
  for (let step = 0; step < 5000; step++) {
    if (list.length === 0 || rand() < 0.55) {
      const f = fn(Math.floor(rand() * 20));
      queue.push(f);
      list.push(f);
      list.sort((a, b) => a.generation - b.generation);
    } else {
      popped[0].push(queue.pop());
      popped[1].push(list.pop()!);
    }
    assert.equal(queue.size, list.length);
  }
  while (list.length > 0) {
    popped[0].push(queue.pop());
    popped[1].push(list.pop()!);
  }
  assert.ok(popped[0].length > 2000);
  assert.ok(popped[0].every((f, i) => f === popped[1][i]));
});
