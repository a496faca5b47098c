import type { GraphRepository } from '../db/graph-repository.ts';
import { cleanLine } from '../domain/clean-text.ts';
import { AppError, badInput } from '../domain/errors.ts';
import type { SavedView } from '../domain/types.ts';

/** Caps on saved views. A view names up to 2000 entities with their positions (about 70 characters each), so its state can be long. */
export const VIEW_LIMITS = { nameMaxChars: 80, stateMaxChars: 200_000, listMax: 200 } as const;

/** Named views of the explorer, stored in Neo4j so the whole team sees them. */
export class ViewsService {
  constructor(private readonly repo: GraphRepository) {}

  /** The saved views, most recent first. */
  list(): Promise<SavedView[]> {
    return this.repo.listViews(VIEW_LIMITS.listMax);
  }

  /** Saves a view under a name, replacing one of the same name. */
  save(name: string, state: string): Promise<SavedView> {
    const n = cleanLine(name);
    if (n.length === 0) throw badInput('name must not be empty.');
    if (n.length > VIEW_LIMITS.nameMaxChars) throw badInput(`name is ${n.length} characters; the limit is ${VIEW_LIMITS.nameMaxChars}.`);
    // The state is a URL fragment: printable ASCII once percent-encoded, nothing else.
    if (!/^#[\x21-\x7E]*$/.test(state)) throw badInput('state must be the view as a URL fragment: "#" then printable ASCII (percent-encoded).');
    if (state.length > VIEW_LIMITS.stateMaxChars) throw badInput(`state is ${state.length} characters; the limit is ${VIEW_LIMITS.stateMaxChars}.`);
    return this.repo.saveView({ name: n, state, savedAt: new Date().toISOString() });
  }

  /** Deletes a saved view by name. */
  async delete(name: string): Promise<boolean> {
    const deleted = await this.repo.deleteView(name.trim());
    if (!deleted) throw new AppError('NOT_FOUND', `No saved view is named "${name}".`);
    return true;
  }
}
