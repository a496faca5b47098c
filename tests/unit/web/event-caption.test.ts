import { describe, expect, it } from 'vitest';
import type { Entity } from '../../../web/src/api.ts';
import { caption, monthOf } from '../../../web/src/event-caption.ts';

const entity = (id: string, name: string, type: Entity['type'], extra: Partial<Entity> = {}): Entity => ({ id, name, type, aliases: [], articleCount: 1, date: null, ...extra });

describe('what an event says on the canvas', () => {
  const ice = entity('agency:ice', 'Immigration and Customs Enforcement', 'AGENCY');
  const nationals = entity('person:tajik-nationals', 'Tajik nationals', 'PERSON');
  const arrest = entity('event:1', 'Arrest: Immigration and Customs Enforcement, Tajik nationals (2024-06-11)', 'EVENT', { eventType: 'Arrest', count: 8, date: '2024-06-11' });

  it('says what happened, to whom (the people, not the agency) and the month', () => {
    expect(caption(arrest, [ice, nationals])).toBe('Arrest · 8 Tajik nationals · Jun 2024');
  });

  it('reads kind and date from the name when the fields are missing, and takes the last name without participants', () => {
    expect(caption(entity('event:2', 'Release: U.S. Border Patrol, Mohammad Kharwin (2023-03)', 'EVENT'))).toBe('Release · Mohammad Kharwin · Mar 2023');
  });

  it('counts the others of a one-person subject and shortens a long one', () => {
    const person = entity('person:a', 'Mansuri Manuchekhri', 'PERSON');
    expect(caption(entity('event:3', 'Charge: Mansuri Manuchekhri', 'EVENT', { eventType: 'Charge', count: 3 }), [person])).toBe('Charge · Mansuri Manuchekhri +2');
    expect(caption(entity('event:4', 'Testimony: The Senate Committee on Homeland Security and Governmental Affairs', 'EVENT'))).toBe('Testimony · The Senate Committee on H…');
  });

  it('leaves other entities with their names', () => {
    expect(caption(ice)).toBe('Immigration and Customs Enforcement');
  });

  it('writes months briefly, and nothing for no date', () => {
    expect(monthOf('2024-12-01')).toBe('Dec 2024');
    expect(monthOf(null)).toBeNull();
    expect(monthOf('sometime')).toBeNull();
  });
});

describe('whom an event happened to, when only the agency is known', () => {
  it('prefers a name not known yet over the agency', () => {
    const unit = { id: 'agency:raid-unit', name: 'Raid Unit', type: 'AGENCY' as const, aliases: [], articleCount: 1 };
    const ev = { id: 'event:1', name: 'Arrest: Raid Unit, Suspect 0 (2024-05-01)', type: 'EVENT' as const, aliases: [], articleCount: 1, eventType: 'Arrest', date: '2024-05-01' };
    expect(caption(ev, [unit])).toBe('Arrest · Suspect 0 · May 2024');
    expect(caption({ ...ev, name: 'Arrest: Raid Unit (2024-05-01)' }, [unit])).toBe('Arrest · Raid Unit · May 2024');
  });
});
