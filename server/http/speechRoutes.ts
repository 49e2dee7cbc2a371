import { Router } from 'express';
import type { ModerationService } from '../moderation/ModerationService.js';
import { accessUser } from '../meetings/MeetingAccess.js';
import { refusalError } from '../meetings/refusalError.js';
import { parseId } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';

/** `GET /api/meetings/:id/speeches`: the speech log, for everyone in the meeting. */
export function speechRoutes(deps: { moderation: ModerationService }): Router {
  const router = Router();

  router.get('/meetings/:id/speeches', async (req, res) => {
    const { user } = requireAuth(res).session;
    const found = await deps.moderation.stateFor(
      parseId(req.params.id),
      accessUser(user),
      'speeches.read',
    );
    if (!found.ok) throw refusalError(found.refusal);
    const { state } = found;
    const titles = new Map(state.phases.map((p) => [p.id, p.title]));
    res.json({
      phases: state.phases,
      speeches: state.log.map((s) => ({ ...s, phaseTitle: titles.get(s.phaseId) ?? null })),
      current: state.current,
    });
  });

  return router;
}
