import type { Phase } from './meetingState.js';
import type { PhaseInput } from './moderationSchemas.js';

/**
 * The phases a `setPhases` asks for: new ones get the next ids; an existing phase sent without
 * `notes` keeps its notes, so an editor that knows nothing of them cannot wipe them out.
 */
export function phasesFrom(
  current: readonly Phase[],
  inputs: readonly PhaseInput[],
  nextId: number,
): { phases: Phase[]; nextId: number } {
  let next = nextId;
  const phases = inputs.map((input): Phase => {
    const id = input.id ?? `p${next++}`;
    const notes = input.notes ?? current.find((p) => p.id === id)?.notes;
    return { id, title: input.title, kind: input.kind, ...(notes === undefined ? {} : { notes }) };
  });
  return { phases, nextId: next };
}
