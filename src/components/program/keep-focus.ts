/**
 * Keeps the keyboard focus on the program when the control that has it is disabled or removed
 * (Run while a program runs, Stop when it ends, Reset once the code is the lesson's again):
 * the browser would drop it to `<body>`, and a keyboard user would have to find their place again.
 */

/** Moves the focus to the first enabled element of `to` when it is inside any of `from`. */
export function keepFocus(from: readonly Element[], to: readonly HTMLElement[]): void {
  const active = document.activeElement;
  if (!active || !from.some((element) => element.contains(active))) return;
  to.find((element) => !element.matches(':disabled'))?.focus();
}
