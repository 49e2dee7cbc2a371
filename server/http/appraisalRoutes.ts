import { Router } from 'express';
import {
  castBallotSchema,
  openAppraisalSchema,
  paperBallotsSchema,
} from '../../shared/appraisal/appraisalSchemas.js';
import type { AppraisalService } from '../appraisal/AppraisalService.js';
import { accessUser } from '../meetings/MeetingAccess.js';
import { requestAddress } from './clientAddress.js';
import { parseBody, parseId } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';

/** 民主评议党员: `/api/meetings/:id/appraisal…` (docs/api.md). */
export function appraisalRoutes(deps: { appraisal: AppraisalService }): Router {
  const router = Router();
  const path = '/meetings/:id/appraisal';

  router.get(path, async (req, res) => {
    const user = accessUser(requireAuth(res).session.user);
    res.json({ appraisal: await deps.appraisal.view(parseId(req.params.id), user) });
  });

  router.post(`${path}/open`, async (req, res) => {
    const user = accessUser(requireAuth(res).session.user);
    const request = parseBody(openAppraisalSchema, req.body);
    const appraisal = await deps.appraisal.open(
      parseId(req.params.id),
      user,
      request,
      requestAddress(req),
    );
    res.json({ appraisal });
  });

  router.put(`${path}/ballot`, async (req, res) => {
    const user = accessUser(requireAuth(res).session.user);
    const request = parseBody(castBallotSchema, req.body);
    res.json({ appraisal: await deps.appraisal.cast(parseId(req.params.id), user, request) });
  });

  router.put(`${path}/paper`, async (req, res) => {
    const user = accessUser(requireAuth(res).session.user);
    const paper = parseBody(paperBallotsSchema, req.body);
    const appraisal = await deps.appraisal.paper(
      parseId(req.params.id),
      user,
      paper,
      requestAddress(req),
    );
    res.json({ appraisal });
  });

  router.post(`${path}/close`, async (req, res) => {
    const user = accessUser(requireAuth(res).session.user);
    const appraisal = await deps.appraisal.close(parseId(req.params.id), user, requestAddress(req));
    res.json({ appraisal });
  });

  router.delete(path, async (req, res) => {
    const user = accessUser(requireAuth(res).session.user);
    const appraisal = await deps.appraisal.cancel(
      parseId(req.params.id),
      user,
      requestAddress(req),
    );
    res.json({ appraisal });
  });

  return router;
}
