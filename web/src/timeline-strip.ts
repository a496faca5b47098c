import type { Core } from 'cytoscape';
import { el } from './dom.ts';

/** A month as YYYY-MM. */
type Month = string;

function monthsBetween(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
    if (out.length > 600) break; // fifty years is plenty for a strip
  }
  return out;
}

function lastDay(month: Month): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

/** The date-range control of the view: chosen months, as since/until dates (null = open). */
export interface DateRange {
  since: string | null;
  until: string | null;
}

/**
 * The timeline strip: a bar per month counting the links seen that month (from their first
 * to last sighting) and the events that happened in it, with two sliders choosing the date range the graph shows. The range is
 * kept as dates, so it survives new elements widening the strip.
 */
export function mountTimeline(container: HTMLElement, onChange: (range: DateRange) => void): { refresh: (cy: Core, range: DateRange) => void } {
  let range: DateRange = { since: null, until: null };
  const bars = el('div', { class: 'bars', 'aria-hidden': 'true' });
  const from = el('input', { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'From month' });
  const to = el('input', { type: 'range', min: '0', max: '0', value: '0', 'aria-label': 'To month' });
  const label = el('output', { class: 'range-label' });
  const reset = el('button', { type: 'button', class: 'reset' }, 'All dates');
  container.replaceChildren(el('div', { class: 'timeline-head' }, el('strong', {}, 'Timeline'), label, reset), bars, el('div', { class: 'sliders' }, from, to));
  let months: Month[] = [];

  const describe = (): void => {
    if (months.length === 0) {
      label.textContent = ' No dated links or events in view.';
      return;
    }
    label.textContent = range.since || range.until ? ` ${range.since?.slice(0, 7) ?? months[0]} – ${range.until?.slice(0, 7) ?? months.at(-1)}` : ' All dates';
  };
  const paint = (): void => {
    const a = Number(from.value);
    const b = Number(to.value);
    [...bars.children].forEach((bar, i) => bar.classList.toggle('out', i < a || i > b));
    describe();
  };
  const fromSliders = (): void => {
    if (Number(from.value) > Number(to.value)) {
      if (document.activeElement === from) to.value = from.value;
      else from.value = to.value;
    }
    const a = months[Number(from.value)];
    const b = months[Number(to.value)];
    const whole = Number(from.value) === 0 && Number(to.value) === months.length - 1;
    range = { since: whole || !a ? null : `${a}-01`, until: whole || !b ? null : lastDay(b) };
    paint();
    onChange(range);
  };
  from.addEventListener('input', fromSliders);
  to.addEventListener('input', fromSliders);
  reset.addEventListener('click', () => {
    from.value = '0';
    to.value = String(Math.max(0, months.length - 1));
    fromSliders();
  });

  return {
    refresh(cy: Core, current: DateRange): void {
      range = current;
      const counts = new Map<Month, number>();
      const spans: Array<[Month, Month]> = [];
      cy.edges().not('.more').forEach((e) => {
        const a = typeof e.data('firstSeen') === 'string' ? String(e.data('firstSeen')).slice(0, 7) : null;
        const b = typeof e.data('lastSeen') === 'string' ? String(e.data('lastSeen')).slice(0, 7) : a;
        if (a && b) spans.push([a, b]);
      });
      // Events count in the month they happened.
      cy.nodes('[type = "EVENT"]').forEach((n) => {
        const d: unknown = n.data('date');
        if (typeof d === 'string' && /^\d{4}-\d{2}/.test(d)) spans.push([d.slice(0, 7), d.slice(0, 7)]);
      });
      if (spans.length === 0) {
        months = [];
      } else {
        const first = spans.reduce((m, [a]) => (a < m ? a : m), spans[0]?.[0] ?? '');
        const last = spans.reduce((m, [, b]) => (b > m ? b : m), spans[0]?.[1] ?? '');
        months = monthsBetween(first, last);
        for (const [a, b] of spans) for (const m of months) if (m >= a && m <= b) counts.set(m, (counts.get(m) ?? 0) + 1);
      }
      const peak = Math.max(1, ...counts.values());
      bars.replaceChildren(
        ...months.map((m) => {
          const n = counts.get(m) ?? 0;
          return el('span', { class: 'bar', title: `${m}: ${n} (links seen, events)`, style: `height:${Math.round((n / peak) * 100)}%` });
        }),
      );
      const max = String(Math.max(0, months.length - 1));
      from.max = max;
      to.max = max;
      from.disabled = to.disabled = months.length < 2;
      const since = range.since?.slice(0, 7);
      const until = range.until?.slice(0, 7);
      const fromIndex = since ? months.findIndex((m) => m >= since) : 0;
      const toIndex = until ? months.length - 1 - [...months].reverse().findIndex((m) => m <= until) : months.length - 1;
      from.value = String(Math.max(0, fromIndex));
      to.value = String(Math.min(months.length - 1, Math.max(0, toIndex)));
      paint();
    },
  };
}
