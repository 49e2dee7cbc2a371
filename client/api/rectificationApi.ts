import type {
  AcceptProposalRequest,
  AddProgressRequest,
  CreateRectificationRequest,
  UpdateRectificationRequest,
} from '../../shared/rectifications/rectificationSchemas.js';
import type { RectificationStatus } from '../../shared/rectifications/rectificationCodes.js';
import type {
  LedgerPage,
  RectificationDetailView,
  RectificationProposalView,
  RectificationView,
} from '../../shared/rectifications/rectificationViews.js';
import { requestJson } from './requestJson.js';

type ItemAnswer = { rectification: RectificationDetailView };

/** The ledger's filters and order as `GET /api/branches/:id/rectifications` takes them. */
export interface LedgerFilters {
  meetingId?: number;
  status?: RectificationStatus;
  ownerId?: number;
  overdue?: boolean;
  aspect?: string;
  sort?: 'deadline' | 'seq' | 'status' | 'updated';
  page?: number;
  pageSize?: number;
}

/** The filters as a query string (`?status=done&overdue=true`), or '' for none. */
export function ledgerQuery(filters: LedgerFilters): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The meeting's items by 序号. */
export async function fetchMeetingRectifications(
  meetingId: number,
  signal?: AbortSignal,
): Promise<RectificationView[]> {
  const path = `/api/meetings/${meetingId}/rectifications`;
  const { items } = await requestJson<{ items: RectificationView[] }>(path, { signal });
  return items;
}

export async function createRectification(
  meetingId: number,
  request: CreateRectificationRequest,
): Promise<RectificationDetailView> {
  const { rectification } = await requestJson<ItemAnswer>(
    `/api/meetings/${meetingId}/rectifications`,
    { method: 'POST', body: request },
  );
  return rectification;
}

/** One item with every progress note. */
export async function fetchRectification(
  id: number,
  signal?: AbortSignal,
): Promise<RectificationDetailView> {
  const { rectification } = await requestJson<ItemAnswer>(`/api/rectifications/${id}`, { signal });
  return rectification;
}

export async function updateRectification(
  id: number,
  request: UpdateRectificationRequest,
): Promise<RectificationDetailView> {
  const { rectification } = await requestJson<ItemAnswer>(`/api/rectifications/${id}`, {
    method: 'PATCH',
    body: request,
  });
  return rectification;
}

export async function addProgress(
  id: number,
  request: AddProgressRequest,
): Promise<RectificationDetailView> {
  const { rectification } = await requestJson<ItemAnswer>(`/api/rectifications/${id}/progress`, {
    method: 'POST',
    body: request,
  });
  return rectification;
}

export async function setRectificationStatus(
  id: number,
  status: RectificationStatus,
): Promise<RectificationDetailView> {
  const { rectification } = await requestJson<ItemAnswer>(`/api/rectifications/${id}/status`, {
    method: 'POST',
    body: { status },
  });
  return rectification;
}

/** 销号 */
export async function verifyRectification(id: number): Promise<RectificationDetailView> {
  const { rectification } = await requestJson<ItemAnswer>(`/api/rectifications/${id}/verify`, {
    method: 'POST',
  });
  return rectification;
}

/** 退回: back to 推进中 with the reason. */
export async function sendBackRectification(
  id: number,
  reason: string,
): Promise<RectificationDetailView> {
  const { rectification } = await requestJson<ItemAnswer>(`/api/rectifications/${id}/send-back`, {
    method: 'POST',
    body: { reason },
  });
  return rectification;
}

const proposalsPath = (meetingId: number) => `/api/meetings/${meetingId}/rectification-proposals`;

/** The pending proposals (from imports). */
export async function fetchProposals(
  meetingId: number,
  signal?: AbortSignal,
): Promise<RectificationProposalView[]> {
  const { proposals } = await requestJson<{ proposals: RectificationProposalView[] }>(
    proposalsPath(meetingId),
    { signal },
  );
  return proposals;
}

/** Proposals from the 整改措施 a document holds now (`…/from-document`). */
export async function proposeFromDocument(
  meetingId: number,
  document: string,
): Promise<RectificationProposalView[]> {
  const { proposals } = await requestJson<{ proposals: RectificationProposalView[] }>(
    `${proposalsPath(meetingId)}/from-document`,
    { method: 'POST', body: { document } },
  );
  return proposals;
}

export async function acceptProposal(
  meetingId: number,
  proposalId: number,
  request: AcceptProposalRequest,
): Promise<{ proposal: RectificationProposalView; rectification: RectificationDetailView }> {
  return requestJson(`${proposalsPath(meetingId)}/${proposalId}/accept`, {
    method: 'POST',
    body: request,
  });
}

export async function dropProposal(
  meetingId: number,
  proposalId: number,
): Promise<RectificationProposalView> {
  const { proposal } = await requestJson<{ proposal: RectificationProposalView }>(
    `${proposalsPath(meetingId)}/${proposalId}/drop`,
    { method: 'POST' },
  );
  return proposal;
}

/** One page of the branch's ledger. */
export function fetchLedger(
  branchId: number,
  filters: LedgerFilters,
  signal?: AbortSignal,
): Promise<LedgerPage> {
  return requestJson<LedgerPage>(
    `/api/branches/${branchId}/rectifications${ledgerQuery(filters)}`,
    { signal },
  );
}

/** The branch ledger as Excel, with the same filters (no paging: every matching item). */
export function ledgerExportUrl(branchId: number, filters: LedgerFilters): string {
  const { page: _page, pageSize: _size, ...rest } = filters;
  return `/api/branches/${branchId}/rectifications.xlsx${ledgerQuery(rest)}`;
}

/** A meeting's file: `minutes.docx`, `minutes.md`, `report.docx`, `rectifications.xlsx`. */
export function meetingExportUrl(meetingId: number, file: string): string {
  return `/api/meetings/${meetingId}/export/${file}`;
}
