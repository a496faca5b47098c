import type { Stance, StanceCounts } from './api.ts';

/** The stances in the order the page lists them (most to least certain), with their words. */
export const STANCE_LABELS: ReadonlyArray<{ stance: Stance; label: string; help: string }> = [
  { stance: 'ASSERTED', label: 'Asserted', help: 'Reported as fact' },
  { stance: 'ATTRIBUTED', label: 'Attributed', help: 'Someone said it: "X said", "according to X"' },
  { stance: 'ALLEGED', label: 'Alleged', help: 'Alleged, accused, suspected, charged with' },
  { stance: 'UNCERTAIN', label: 'Uncertain', help: 'May, might, reportedly, possibly' },
  { stance: 'DENIED', label: 'Denied', help: 'Denied, disputed, "has not identified"' },
];

/** Whether a string names a stance. */
export function isStance(s: string): s is Stance {
  return STANCE_LABELS.some((x) => x.stance === s);
}

const key = (s: Stance): keyof StanceCounts => s.toLowerCase() as keyof StanceCounts;

/** How many of a link's evidence sentences present it this way. */
export function countOf(counts: StanceCounts | undefined, s: Stance): number {
  return counts?.[key(s)] ?? 0;
}

/**
 * Whether a link still shows with these stances hidden: some of its evidence is presented another
 * way. A link with no stances recorded (stored before they were read) always shows.
 */
export function showsWith(counts: StanceCounts | undefined, hidden: ReadonlySet<string>): boolean {
  if (!counts || hidden.size === 0) return true;
  const all = STANCE_LABELS.reduce((n, x) => n + countOf(counts, x.stance), 0);
  return all === 0 || STANCE_LABELS.some((x) => !hidden.has(x.stance) && countOf(counts, x.stance) > 0);
}

/** "3 asserted · 2 alleged · 1 denied": the counts that are not zero, in the list's order. */
export function stanceSummary(counts: StanceCounts | undefined): string {
  return STANCE_LABELS.filter((x) => countOf(counts, x.stance) > 0)
    .map((x) => `${countOf(counts, x.stance)} ${x.label.toLowerCase()}`)
    .join(' · ');
}
