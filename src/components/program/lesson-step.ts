/**
 * The step of the lesson page being built, from its route (`steps/24`, later `ko/steps/24`): a
 * lesson's step number is written once, as its folder's name, and components read it from here.
 */

/** The two-digit step folder of the page whose entry id is `entryId`; throws off a lesson page. */
export function lessonStep(entryId: string): string {
  const match = /(?:^|\/)steps\/(\d\d)$/.exec(entryId);
  if (!match?.[1]) throw new Error(`${entryId} is not a lesson page (content/docs/steps/NN/)`);
  return match[1];
}
