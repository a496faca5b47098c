import { badInput } from './errors.ts';

/**
 * Characters no stored string keeps: C0 controls other than tab and newline, DEL, C1 controls,
 * lone surrogates and Unicode non-characters (U+FDD0–U+FDEF and every U+xFFFE/U+xFFFF).
 */
const UNWANTED_IN_TEXT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** In a one-line field, tabs and line breaks are spaces. */
const LINE_BREAKS = /[\t\n\r\u2028\u2029]+/g;

/** Longest value of each free-text field, in characters. */
export const FIELD_LIMITS = {
  title: 500,
  source: 200,
  url: 2048,
  name: 300,
  alias: 300,
} as const;

/** A field's name as the API spells it, with its cap. */
export type FieldName = keyof typeof FIELD_LIMITS;

/** Article text without control characters (tab, newline and carriage return kept: normaliseText folds the last) or non-characters. */
export function cleanText(text: string): string {
  return text.replace(UNWANTED_IN_TEXT, '');
}

/** One line of text: control characters and non-characters removed, breaks as spaces, trimmed. */
export function cleanLine(value: string): string {
  return value.replace(UNWANTED_IN_TEXT, '').replace(LINE_BREAKS, ' ').trim();
}

/**
 * A one-line field (title, source, URL, name, alias) cleaned and checked: control characters
 * and non-characters removed, line breaks folded to spaces, outer space trimmed; over its cap
 * it is refused with a message naming the field (`label` when the API calls it otherwise).
 */
export function cleanField(value: string, field: FieldName, label: string = field): string {
  const clean = cleanLine(value);
  const max = FIELD_LIMITS[field];
  if (clean.length > max) throw badInput(`${label} is ${clean.length} characters; the limit is ${max}.`);
  return clean;
}
