import type { ErrorText } from './errorText.js';

/** Requests, sessions and access: refusals any route or channel can give. */
export const generalErrorMessages = {
  bad_request: { zh: '请求无效。', en: 'Bad request.' },
  invalid_request: {
    zh: '请求内容不符合要求。',
    en: 'The request is not valid: {detail}',
  },
  'invalid_request.id': { zh: '编号不正确。', en: 'Not an id.' },
  'invalid_request.file_name': {
    zh: '缺少文件名，或文件名编码不正确。',
    en: 'The file name is missing or not percent-encoded UTF-8.',
  },
  'invalid_request.nul': {
    zh: '请求含有空字符。',
    en: 'The request contains a NUL character.',
  },
  'invalid_request.document_name': { zh: '文档名称无效。', en: 'Not a valid document name.' },
  entity_too_large: { zh: '请求内容过大。', en: 'The request body is too large.' },
  entity_parse_failed: {
    zh: '请求内容无法解析。',
    en: 'The request body is not valid JSON.',
  },
  entity_verify_failed: { zh: '请求内容校验失败。', en: 'The request body failed verification.' },
  encoding_unsupported: {
    zh: '不支持请求内容的压缩方式。',
    en: 'The request body is compressed in an unsupported way.',
  },
  charset_unsupported: {
    zh: '不支持请求内容的字符集。',
    en: 'The request body is in an unsupported character set.',
  },
  request_aborted: { zh: '请求在传送中被中断。', en: 'The request was aborted.' },
  request_size_invalid: {
    zh: '请求内容的长度与声明不符。',
    en: 'The request body does not match its declared length.',
  },
  parameters_too_many: { zh: '请求参数过多。', en: 'Too many parameters.' },
  not_found: { zh: '要找的内容不存在。', en: 'Not found.' },
  'not_found.route': { zh: '没有这个接口。', en: 'No route {route}.' },
  'not_found.meeting': { zh: '会议不存在。', en: 'No such meeting.' },
  'not_found.document': { zh: '文档不存在。', en: 'No such document.' },
  'not_found.user': { zh: '用户不存在。', en: 'No such user.' },
  'not_found.branch': { zh: '支部不存在。', en: 'No such branch.' },
  'not_found.branch_member': { zh: '不是该支部成员。', en: 'Not a member of this branch.' },
  'not_found.join_first': { zh: '请先加入会议。', en: 'Join the meeting first.' },
  unauthenticated: { zh: '请先登录。', en: 'Sign in first.' },
  'unauthenticated.session_ended': {
    zh: '登录已过期，请重新登录。',
    en: 'Your session has ended; sign in again.',
  },
  'unauthenticated.metrics': { zh: '需要 {variable}。', en: 'Metrics need the {variable}.' },
  password_change_required: {
    zh: '请先修改初始密码。',
    en: 'Change your password first.',
  },
  cross_origin: {
    zh: '修改数据的请求必须来自本站。',
    en: 'Requests that change state must come from this site.',
  },
  forbidden: { zh: '您没有权限进行此操作。', en: 'You may not do this.' },
  'forbidden.admins_only': { zh: '仅管理员可操作。', en: 'Admins only.' },
  'forbidden.secretaries_only': {
    zh: '仅支部书记可操作。',
    en: 'Branch secretaries only.',
  },
  'forbidden.secretary_or_host': {
    zh: '仅支部书记或主持人可操作。',
    en: 'The branch secretary or the host only.',
  },
  'forbidden.meeting_role': {
    zh: '您在本次会议中的角色不能进行此操作。',
    en: 'Not for your role in this meeting.',
  },
  'forbidden.host_only': { zh: '只有主持人可以进行此操作。', en: 'Only the host may do this.' },
  'forbidden.not_readable': {
    zh: '您不能查看这份文档。',
    en: 'This document is not yours to read.',
  },
  'forbidden.not_writable': {
    zh: '您不能修改这份文档。',
    en: 'This document is not yours to write.',
  },
  'forbidden.metrics_local_only': {
    zh: '仅限本机访问，或设置 {variable}。',
    en: 'Metrics are for this machine only unless {variable} is set.',
  },
  rate_limited: { zh: '操作过于频繁，请稍后再试。', en: 'Too many requests; try again shortly.' },
  internal: { zh: '服务器内部错误。', en: 'Internal server error.' },
  storage_unavailable: {
    zh: '数据库暂时不可用，请稍后重试。',
    en: 'The database is unavailable; try again shortly.',
  },
  unavailable: { zh: '暂时无法保存，请重试。', en: 'Could not save; try again.' },
  'unavailable.service': {
    zh: '服务暂不可用，请稍后再试。',
    en: 'The service is unavailable; try again shortly.',
  },
  'unavailable.internal': { zh: '服务器内部错误。', en: 'Internal server error.' },
  not_ready: { zh: '服务尚未就绪，无法访问：{names}', en: 'Not ready: not answering: {names}' },
  client_not_built: {
    zh: '网页端尚未构建，请运行 {command}。',
    en: 'The client is not built: run {command}.',
  },
} as const satisfies Readonly<Record<string, ErrorText>>;
