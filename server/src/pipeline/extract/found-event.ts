import type { RelationType } from '../../domain/types.ts';
import type { Mention } from './mention.ts';

/** A participant's part in an event. */
export type Role = 'agent' | 'subject' | 'place';

/** An event read from one sentence, before ids are given. */
export interface FoundEvent {
  type: string;
  sentence: number;
  /** Token index of the trigger word in its sentence. */
  trigger: number;
  /** `asPeople`: a country standing for its nationals ("Tajik men", "men from Tajikistan"). */
  participants: Array<{ mention: Mention; role: Role; asPeople?: boolean }>;
  count?: number;
  /** ISO date (YYYY-MM-DD) when the text and publication date allow. */
  date?: string;
  /** The typed link the event draws from its agent to each subject. */
  relation?: RelationType;
  /**
   * The sentence opens with a group told of before ("Both men were charged…", "They are being held…")
   * and names none of them: the group is the earlier event's nationals. With 'required', an event
   * that finds none is dropped (a detention is only of people).
   */
  group?: 'borrow' | 'required';
  /** The act befell people the sentence does not name ("a suspected terrorist was arrested"). */
  unnamed?: true;
  /** "arrests of two men": a plural noun that tells of several events at once. */
  several?: true;
  /** "the arrest", "this attack": a noun that points back to an event told before. */
  anaphor?: true;
  /** Ids of the rules that found the trigger and each participant (event-rules.ts). */
  rules: string[];
}
