import { Router, type Request, type Response } from 'express';
import {
  createMeetingRequestSchema,
  setMeetingStatusRequestSchema,
  setParticipantsRequestSchema,
  updateMeetingRequestSchema,
  type CandidateView,
} from '../../shared/meetings/meetingSchemas.js';
import type { Accounts } from '../auth/Accounts.js';
import type { Branches } from '../branches/Branches.js';
import type { Action } from '../../shared/rights/rightsTable.js';
import type { MeetingAccess } from '../meetings/MeetingAccess.js';
import type { Actor, MeetingService } from '../meetings/MeetingService.js';
import type { Meeting, Meetings } from '../meetings/Meetings.js';
import type { MeetingTemplates } from '../meetings/MeetingTemplates.js';
import { secretaryBranch, visibleBranch } from './branchAccess.js';
import { requestAddress } from './clientAddress.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody, parseId } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';

export interface MeetingRouteDeps {
  accounts: Accounts;
  meetings: Meetings;
  meetingService: MeetingService;
  meetingAccess: MeetingAccess;
  templates: MeetingTemplates;
  branches: Branches;
}

/** `/api/meetings` and a branch's meeting list: secretaries and hosts manage, members see. */
export function meetingRoutes(deps: MeetingRouteDeps): Router {
  const router = Router();
  const { meetings, meetingService: service, meetingAccess: access } = deps;

  router.get('/branches/:id/meetings', async (req, res) => {
    const { branch } = await visibleBranch(deps.branches, res, req.params.id);
    const { user } = requireAuth(res).session;
    res.json({ meetings: await access.summaries(await meetings.listForBranch(branch.id), user) });
  });

  router.get('/meetings', async (_req, res) => {
    const { user } = requireAuth(res).session;
    res.json({ meetings: await access.summaries(await meetings.listForUser(user.id), user) });
  });

  router.post('/meetings', async (req, res) => {
    const input = parseBody(createMeetingRequestSchema, req.body);
    const { branch } = await secretaryBranch(deps.branches, res, input.branchId);
    const template = input.templateId
      ? await deps.templates.find(branch.id, input.templateId)
      : undefined;
    if (input.templateId && !template) {
      throw new DomainError('unknown_template', { id: input.templateId });
    }
    if (template && template.kind !== input.kind) {
      throw new DomainError('template_kind_mismatch');
    }
    const scheduledAt = input.scheduledAt ?? null;
    const row = await service.create(
      {
        branchId: branch.id,
        kind: input.kind,
        title: input.title,
        year: input.year ?? template?.year ?? new Date(scheduledAt ?? Date.now()).getFullYear(),
        theme: input.theme ?? template?.theme ?? '',
        aspects: input.aspects ?? template?.aspects ?? [],
        scheduledAt,
        location: input.location ?? null,
        templateId: template?.id ?? null,
        createdBy: requireAuth(res).session.user.id,
      },
      actorOf(req, res),
    );
    res.status(201).json({ meeting: await detailFor(row, res) });
  });

  router.get('/meetings/:id', async (req, res) => {
    const { meeting, caller } = await visibleMeeting(req, res);
    res.json({ meeting: await access.detail(meeting, caller) });
  });

  router.get('/meetings/:id/candidates', async (req, res) => {
    const { meeting } = await managedMeeting(req, res);
    const members = new Map(
      (await deps.branches.members(meeting.branchId)).map((m) => [m.userId, m.role]),
    );
    const users = (await deps.accounts.listActive()).map((u): CandidateView => ({
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      branchRole: members.get(u.id) ?? null,
    }));
    res.json({ users });
  });

  router.patch('/meetings/:id', async (req, res) => {
    const { meeting } = await managedMeeting(req, res, 'meeting.edit');
    const changes = parseBody(updateMeetingRequestSchema, req.body);
    await service.update(meeting, changes, actorOf(req, res));
    res.json({ meeting: await detailFor(meeting, res) });
  });

  router.put('/meetings/:id/participants', async (req, res) => {
    const { meeting } = await managedMeeting(req, res, 'meeting.edit');
    const entries = parseBody(setParticipantsRequestSchema, req.body);
    await service.setParticipants(meeting, entries, actorOf(req, res));
    res.json({ meeting: await detailFor(meeting, res) });
  });

  router.post('/meetings/:id/status', async (req, res) => {
    const { meeting } = await managedMeeting(req, res);
    const { status } = parseBody(setMeetingStatusRequestSchema, req.body);
    await service.setStatus(meeting, status, actorOf(req, res));
    res.json({ meeting: await detailFor(meeting, res) });
  });

  /** The meeting if the caller may see it; 404 otherwise. */
  const visibleMeeting = (req: Request, res: Response) =>
    access.require(parseId(req.params.id), requireAuth(res).session.user, 'meeting.see');

  /** The meeting if the caller may `action` it (its branch's secretary or a host); 403 if they only see it. */
  const managedMeeting = (req: Request, res: Response, action: Action = 'meeting.manage') =>
    access.require(parseId(req.params.id), requireAuth(res).session.user, action, {
      forbidden: 'forbidden.secretary_or_host',
    });

  /** The meeting as it is now, as the caller sees it. */
  async function detailFor(row: Meeting, res: Response) {
    const meeting = (await meetings.findById(row.id)) ?? row;
    const caller = await access.callerOf(meeting, requireAuth(res).session.user);
    return access.detail(meeting, caller);
  }

  return router;
}

function actorOf(req: Request, res: Response): Actor {
  return { id: requireAuth(res).session.user.id, ip: requestAddress(req) };
}
