import { documentNameSchema } from '../../shared/sync/documentName.js';

export type Route =
  | { page: 'home' }
  | { page: 'changePassword' }
  | { page: 'adminUsers' }
  | { page: 'adminAudit' }
  | { page: 'document'; documentName: string }
  | { page: 'invalidDocument'; rawName: string }
  | { page: 'notFound' };

const documentPrefix = '/doc/';
export const changePasswordPath = '/account/password';
export const adminUsersPath = '/admin/users';
export const adminAuditPath = '/admin/audit';

/** Which page a location path shows. Document names may contain `/`, so the rest of the path is the name. */
export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (pathname === changePasswordPath) return { page: 'changePassword' };
  if (pathname === adminUsersPath) return { page: 'adminUsers' };
  if (pathname === adminAuditPath) return { page: 'adminAudit' };
  if (!pathname.startsWith(documentPrefix)) return { page: 'notFound' };
  const rawName = pathname.slice(documentPrefix.length);
  return isDocumentName(rawName)
    ? { page: 'document', documentName: rawName }
    : { page: 'invalidDocument', rawName: safeDecode(rawName) };
}

export function documentPath(documentName: string): string {
  return documentPrefix + documentName;
}

/** The same rule the sync server applies to `/yjs/<documentName>`. */
export function isDocumentName(value: string): boolean {
  return documentNameSchema.safeParse(value).success;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
