import type { Core, ElementDefinition } from 'cytoscape';

/** What undo restores: the elements in view (with positions, pins and classes) and the expanded ids. */
interface Snapshot {
  elements: ElementDefinition[];
  ids: string[];
}

/**
 * Undo and redo of view changes (expand, collapse, hide, focus, pin, paths, "+N more"). Call
 * `record()` just before a change; undo puts the view back as it was, positions included.
 */
export class ViewHistory {
  private past: Snapshot[] = [];
  private future: Snapshot[] = [];

  constructor(
    private readonly graph: () => Core,
    private readonly ids: { get: () => string[]; set: (ids: string[]) => void },
    private readonly onChange: () => void,
    private readonly limit = 50,
  ) {}

  /** Remembers the view as it is now, before a change; clears what could be redone. */
  record(): void {
    this.past.push(this.snapshot());
    if (this.past.length > this.limit) this.past.shift();
    this.future = [];
    this.onChange();
  }

  /** Whether there is a change to undo / redo. */
  get canUndo(): boolean {
    return this.past.length > 0;
  }
  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Goes back one change; false when there is none. */
  undo(): boolean {
    return this.step(this.past, this.future);
  }

  /** Goes forward one undone change; false when there is none. */
  redo(): boolean {
    return this.step(this.future, this.past);
  }

  private step(from: Snapshot[], to: Snapshot[]): boolean {
    const target = from.pop();
    if (!target) return false;
    to.push(this.snapshot());
    const cy = this.graph();
    cy.batch(() => {
      cy.elements().remove();
      cy.add(target.elements);
    });
    this.ids.set([...target.ids]);
    this.onChange();
    return true;
  }

  private snapshot(): Snapshot {
    return { elements: this.graph().elements().jsons() as unknown as ElementDefinition[], ids: [...this.ids.get()] };
  }
}
