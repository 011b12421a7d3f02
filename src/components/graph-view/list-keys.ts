/**
 * The keys that move through a list (a graph's nodes, a backward pass's steps): the arrows step
 * by one, Home and End jump to the ends. The index the key leads to (unclamped), or undefined for
 * any other key.
 */
export function listMove(key: string, at: number, last: number): number | undefined {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return at + 1;
    case 'ArrowLeft':
    case 'ArrowUp':
      return at - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return undefined;
  }
}
