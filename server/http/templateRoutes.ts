import { Router } from 'express';
import { createTemplateRequestSchema } from '../../shared/meetings/meetingSchemas.js';
import type { AuditLog } from '../auth/AuditLog.js';
import type { Branches } from '../branches/Branches.js';
import type { MeetingTemplates } from '../meetings/MeetingTemplates.js';
import { secretaryBranch, visibleBranch } from './branchAccess.js';
import { requestAddress } from './clientAddress.js';
import { DomainError } from '../../shared/errors/DomainError.js';
import { parseBody } from './parseInput.js';
import { requireAuth } from './sessionAuth.js';

export interface TemplateRouteDeps {
  templates: MeetingTemplates;
  branches: Branches;
  audit: AuditLog;
}

/** `/api/branches/:id/templates`: the built-in templates and the branch's own. */
export function templateRoutes(deps: TemplateRouteDeps): Router {
  const router = Router();

  router.get('/branches/:id/templates', async (req, res) => {
    const { branch } = await visibleBranch(deps.branches, res, req.params.id);
    res.json({ templates: await deps.templates.listFor(branch.id) });
  });

  router.post('/branches/:id/templates', async (req, res) => {
    const { branch } = await secretaryBranch(deps.branches, res, req.params.id);
    const input = parseBody(createTemplateRequestSchema, req.body);
    const template = await deps.templates.create(branch.id, input);
    await deps.audit.record({
      action: 'template.created',
      actorId: requireAuth(res).session.user.id,
      subject: `branch:${branch.id}`,
      ip: requestAddress(req),
      detail: { templateId: template.id, name: template.name },
    });
    res.status(201).json({ template });
  });

  router.delete('/branches/:id/templates/:templateId', async (req, res) => {
    const { branch } = await secretaryBranch(deps.branches, res, req.params.id);
    const templateId = String(req.params.templateId);
    if (!(await deps.templates.delete(branch.id, templateId))) {
      throw new DomainError('not_found.template');
    }
    await deps.audit.record({
      action: 'template.deleted',
      actorId: requireAuth(res).session.user.id,
      subject: `branch:${branch.id}`,
      ip: requestAddress(req),
      detail: { templateId },
    });
    res.json({ templates: await deps.templates.listFor(branch.id) });
  });

  return router;
}
