import { Router, type Request, type Response } from 'express';
import {
  acceptProposalSchema,
  addProgressSchema,
  createProposalsSchema,
  proposeFromDocumentSchema,
  createRectificationSchema,
  ledgerExportQuerySchema,
  ledgerQuerySchema,
  RectificationLimits,
  sendBackSchema,
  setRectificationStatusSchema,
  updateRectificationSchema,
} from '../../shared/rectifications/rectificationSchemas.js';
import type { Branches } from '../branches/Branches.js';
import { EXPORT_CONTENT_TYPE, safeFileName } from '../export/contentDisposition.js';
import { ledgerRow } from '../export/ledgerRows.js';
import { fileWriters } from '../export/fileWriters.js';
import type { Actor } from '../meetings/MeetingService.js';
import type { RectificationProposalService } from '../rectifications/RectificationProposalService.js';
import type { RectificationService } from '../rectifications/RectificationService.js';
import type { AuthRouteDeps } from './authRoutes.js';
import { visibleBranch } from './branchAccess.js';
import { requestAddress } from './clientAddress.js';
import { parseBody, parseId } from './parseInput.js';
import { sendExportedFile } from './sendExportedFile.js';
import { requireAuth } from './sessionAuth.js';

export interface RectificationRouteDeps {
  rectifications: RectificationService;
  rectificationProposals: RectificationProposalService;
  branches: Branches;
  /** The ledger's Excel file is audited: it leaves the server. */
  auth: Pick<AuthRouteDeps, 'audit'>;
  /** Days in the file (销号) are the meetings': config.meetingTimeZone. */
  meetingTimeZone: string;
}

/** 整改事项: a meeting's items, one item's changes, proposals, a branch's ledger (docs/api.md). */
export function rectificationRoutes(deps: RectificationRouteDeps): Router {
  const router = Router();
  const { rectifications: items, rectificationProposals: proposals } = deps;
  const user = (res: Response) => requireAuth(res).session.user;
  const actor = (req: Request, res: Response): Actor => ({
    id: user(res).id,
    ip: requestAddress(req),
  });

  router.get('/meetings/:id/rectifications', async (req, res) => {
    res.json({ items: await items.list(parseId(req.params.id), user(res)) });
  });

  router.post('/meetings/:id/rectifications', async (req, res) => {
    const request = parseBody(createRectificationSchema, req.body);
    const rectification = await items.create(
      parseId(req.params.id),
      user(res),
      request,
      actor(req, res),
    );
    res.status(201).json({ rectification });
  });

  router.get('/rectifications/:id', async (req, res) => {
    res.json({ rectification: await items.get(parseId(req.params.id), user(res)) });
  });

  router.patch('/rectifications/:id', async (req, res) => {
    const request = parseBody(updateRectificationSchema, req.body);
    const id = parseId(req.params.id);
    res.json({ rectification: await items.update(id, user(res), request, actor(req, res)) });
  });

  router.post('/rectifications/:id/progress', async (req, res) => {
    const request = parseBody(addProgressSchema, req.body);
    const id = parseId(req.params.id);
    const rectification = await items.addProgress(id, user(res), request, actor(req, res));
    res.status(201).json({ rectification });
  });

  router.post('/rectifications/:id/status', async (req, res) => {
    const { status } = parseBody(setRectificationStatusSchema, req.body);
    const id = parseId(req.params.id);
    res.json({ rectification: await items.setStatus(id, user(res), status, actor(req, res)) });
  });

  router.post('/rectifications/:id/verify', async (req, res) => {
    const id = parseId(req.params.id);
    res.json({ rectification: await items.verify(id, user(res), actor(req, res)) });
  });

  router.post('/rectifications/:id/send-back', async (req, res) => {
    const { reason } = parseBody(sendBackSchema, req.body);
    const id = parseId(req.params.id);
    res.json({ rectification: await items.sendBack(id, user(res), reason, actor(req, res)) });
  });

  const proposalPath = '/meetings/:id/rectification-proposals';

  router.get(proposalPath, async (req, res) => {
    res.json({ proposals: await proposals.pending(parseId(req.params.id), user(res)) });
  });

  router.post(proposalPath, async (req, res) => {
    const request = parseBody(createProposalsSchema, req.body);
    const made = await proposals.createProposals(
      parseId(req.params.id),
      user(res),
      request,
      actor(req, res),
    );
    res.status(201).json({ proposals: made });
  });

  router.post(`${proposalPath}/from-document`, async (req, res) => {
    const { document } = parseBody(proposeFromDocumentSchema, req.body);
    const made = await proposals.proposeFromDocument(
      parseId(req.params.id),
      user(res),
      document,
      actor(req, res),
    );
    res.status(201).json({ proposals: made });
  });

  router.post(`${proposalPath}/:pid/accept`, async (req, res) => {
    const request = parseBody(acceptProposalSchema, req.body ?? {});
    const answer = await proposals.accept(
      parseId(req.params.id),
      parseId(req.params.pid),
      user(res),
      request,
      actor(req, res),
    );
    res.status(201).json(answer);
  });

  router.post(`${proposalPath}/:pid/drop`, async (req, res) => {
    const proposal = await proposals.drop(
      parseId(req.params.id),
      parseId(req.params.pid),
      user(res),
      actor(req, res),
    );
    res.json({ proposal });
  });

  router.get('/branches/:id/rectifications', async (req, res) => {
    const { branch } = await visibleBranch(deps.branches, res, req.params.id);
    const query = parseBody(ledgerQuerySchema, req.query);
    res.json(await items.ledger(branch.id, user(res), query));
  });

  // The branch ledger as the Excel 整改台账, with the page's filters and order, every page.
  router.get('/branches/:id/rectifications.xlsx', async (req, res) => {
    const { branch } = await visibleBranch(deps.branches, res, req.params.id);
    const query = parseBody(ledgerExportQuerySchema, req.query);
    const pageSize = RectificationLimits.maxPageSize;
    const rows = [];
    for (let page = 1; ; page++) {
      const found = await items.ledger(branch.id, user(res), { ...query, page, pageSize });
      rows.push(...found.items.map(ledgerRow));
      if (found.items.length < pageSize || rows.length >= found.total) break;
    }
    const title = `${branch.name}整改台账`;
    const body = await fileWriters.ledgerXlsx(title, rows, { timeZone: deps.meetingTimeZone });
    await deps.auth.audit.record({
      action: 'rectification.export',
      actorId: user(res).id,
      subject: `branch:${branch.id}`,
      ip: requestAddress(req),
      detail: { ...query, count: rows.length },
    });
    sendExportedFile(res, {
      fileName: `${safeFileName(title)}.xlsx`,
      contentType: EXPORT_CONTENT_TYPE.xlsx,
      body,
    });
  });

  return router;
}
