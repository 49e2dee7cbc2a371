import type { CreateTemplateRequest } from '../../shared/meetings/meetingSchemas.js';
import type { MeetingTemplate } from '../../shared/meetings/meetingTemplates.js';
import { requestJson } from './requestJson.js';

/** The built-in templates, then the branch's own. */
export async function listTemplates(
  branchId: number,
  signal?: AbortSignal,
): Promise<MeetingTemplate[]> {
  const { templates } = await requestJson<{ templates: MeetingTemplate[] }>(
    `/api/branches/${branchId}/templates`,
    { signal },
  );
  return templates;
}

export async function createTemplate(
  branchId: number,
  request: CreateTemplateRequest,
): Promise<MeetingTemplate> {
  const { template } = await requestJson<{ template: MeetingTemplate }>(
    `/api/branches/${branchId}/templates`,
    { method: 'POST', body: request },
  );
  return template;
}

/** Deletes one of the branch's own templates; resolves with the list that remains. */
export async function deleteTemplate(
  branchId: number,
  templateId: string,
): Promise<MeetingTemplate[]> {
  const { templates } = await requestJson<{ templates: MeetingTemplate[] }>(
    `/api/branches/${branchId}/templates/${encodeURIComponent(templateId)}`,
    { method: 'DELETE' },
  );
  return templates;
}
