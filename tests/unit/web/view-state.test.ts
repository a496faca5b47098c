import { describe, expect, it } from 'vitest';
import { decodeView, encodeView, type ViewState } from '../../../web/src/view-state.ts';

const LAYOUTS = ['fcose', 'grid', 'circle'];

describe('view state in the URL', () => {
  it('round-trips every part of a view', () => {
    const view: ViewState = {
      ids: ['agency:immigration-and-customs-enforcement', 'country:tajikistan'],
      removed: ['organization:spoke-1'],
      hiddenTypes: ['EVENT'],
      hiddenRelationTypes: ['MENTIONED_WITH'],
      minWeight: 2,
      since: '2024-01-01',
      until: '2024-06-30',
      layout: 'grid',
    };
    expect(decodeView(encodeView(view), 'fcose', LAYOUTS)).toEqual(view);
  });

  it.each([
    ['an unknown layout', '#layout=spiral', { layout: 'fcose' }],
    ['an unknown entity type', '#hide=EVENT,PLANET', { hiddenTypes: ['EVENT'] }],
    ['a relation type that is not one', '#rt=PART_OF,<script>', { hiddenRelationTypes: ['PART_OF'] }],
    ['a weight out of range', '#w=500', { minWeight: 1 }],
    ['a date that is not YYYY-MM-DD', '#since=yesterday&until=2024-13', { since: null, until: null }],
  ])('falls back to the default for %s', (_, hash, expected) => {
    expect(decodeView(hash, 'fcose', LAYOUTS)).toMatchObject(expected);
  });

  it('keeps an empty view short', () => {
    expect(encodeView(decodeView('', 'fcose', LAYOUTS))).toBe('#layout=fcose');
  });
});
