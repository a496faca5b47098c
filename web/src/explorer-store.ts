import { isUndoable, reduce, type ExplorerAction, type ExplorerState } from './explorer-state.ts';

/** Told after every change: the new state, the one before, and the action that made it. */
export type Listener = (state: ExplorerState, previous: ExplorerState, action: ExplorerAction | 'undo' | 'redo') => void;

/** Slider changes in a row (the weight or the date range being dragged) within this many ms make one undo step. */
const COALESCE_MS = 1000;
const SLIDERS: ReadonlySet<string> = new Set(['minWeight', 'since', 'until']);

/**
 * The explorer's one view-state store: the state changes only through `dispatch`, and undo and
 * redo are the states before (history is derived, never recorded by hand). Actions that only
 * amend the present (the layout's placement, zoom and pan, selection) make no undo step.
 */
export class ExplorerStore {
  private present: ExplorerState;
  private past: ExplorerState[] = [];
  private future: ExplorerState[] = [];
  private readonly listeners = new Set<Listener>();
  private lastStep: { key: string; at: number } | null = null;

  constructor(
    initial: ExplorerState,
    private readonly limit = 100,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.present = initial;
  }

  /** The view as it is now. */
  get state(): ExplorerState {
    return this.present;
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }

  /** Applies an action; undoable ones push the state before onto the history. */
  dispatch(action: ExplorerAction): void {
    const next = reduce(this.present, action);
    if (next === this.present) return;
    if (isUndoable(action) && !this.coalesces(action)) {
      this.past.push(this.present);
      if (this.past.length > this.limit) this.past.shift();
      this.future = [];
    }
    this.set(next, action);
  }

  /** Goes back one step; false when there is none. */
  undo(): boolean {
    const target = this.past.pop();
    if (!target) return false;
    this.future.push(this.present);
    this.lastStep = null;
    this.set(target, 'undo');
    return true;
  }

  /** Goes forward one undone step; false when there is none. */
  redo(): boolean {
    const target = this.future.pop();
    if (!target) return false;
    this.past.push(this.present);
    this.lastStep = null;
    this.set(target, 'redo');
    return true;
  }

  /** Calls `listener` after every change; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private set(next: ExplorerState, action: ExplorerAction | 'undo' | 'redo'): void {
    const previous = this.present;
    this.present = next;
    for (const l of [...this.listeners]) l(next, previous, action);
  }

  /** A slider change to the same filter as the step just made, moments later, joins that step. */
  private coalesces(action: ExplorerAction): boolean {
    const keys = action.type === 'filters' ? Object.keys(action.filters).sort() : [];
    const key = keys.length > 0 && keys.every((k) => SLIDERS.has(k)) ? keys.join(',') : null;
    const at = this.now();
    const joins = key !== null && this.lastStep?.key === key && at - this.lastStep.at < COALESCE_MS && this.past.length > 0;
    this.lastStep = key ? { key, at } : null;
    return joins;
  }
}
