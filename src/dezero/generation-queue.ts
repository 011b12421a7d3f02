/**
 * The queue of functions waiting in `Variable.backward`, kept apart so each core (core.ts, and
 * simple/core.ts for steps 23–31) stays the book's: a binary heap, so n functions cost
 * O(n log n) however the graph branches.
 */

/** What the queue needs of a function: its generation. */
interface Generational {
  readonly generation: number;
}

/**
 * The functions waiting in `backward`, highest generation first. Ties go to the most recently
 * added, which is the order DeZero's sort-then-pop list gives, so gradients add up in the same
 * order (and round to the same bits). A binary heap: O(log n) per push and pop.
 */
export class GenerationQueue<Fn extends Generational = Generational> {
  private readonly heap: Fn[] = [];
  private readonly order: number[] = [];
  private added = 0;

  get size(): number {
    return this.heap.length;
  }

  push(f: Fn): void {
    this.heap.push(f);
    this.order.push(this.added++);
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The waiting functions in the order `pop` will return them (a copy; for the graph view's recorder). */
  waiting(): Fn[] {
    const order = this.heap.map((_, i) => i);
    order.sort((i, j) => (this.before(i, j) ? -1 : 1));
    return order.map((i) => this.heap[i]!);
  }

  pop(): Fn {
    const top = this.heap[0]!;
    const last = this.heap.length - 1;
    this.swap(0, last);
    this.heap.pop();
    this.order.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let best = i;
      if (l < last && this.before(l, best)) best = l;
      if (r < last && this.before(r, best)) best = r;
      if (best === i) return top;
      this.swap(i, best);
      i = best;
    }
  }

  /** True when entry i must come out before entry j. */
  private before(i: number, j: number): boolean {
    const gi = this.heap[i]!.generation;
    const gj = this.heap[j]!.generation;
    return gi !== gj ? gi > gj : this.order[i]! > this.order[j]!;
  }

  private swap(i: number, j: number): void {
    const f = this.heap[i]!;
    this.heap[i] = this.heap[j]!;
    this.heap[j] = f;
    const o = this.order[i]!;
    this.order[i] = this.order[j]!;
    this.order[j] = o;
  }
}
