/** The UI strings. Simplified Chinese is the source language; every other locale has the same keys. */
const zhCN = {
  'app.title': '生活会协作台',
  'app.tagline': '民主生活会与组织生活会的实时协作空间',
  'language.label': '语言',
  'home.openHeading': '打开文档',
  'home.documentName': '文档名称',
  'home.documentNameHint': '由字母、数字、下划线和连字符组成，可用 / 分层，例如 m/1/minutes',
  'home.documentNameInvalid': '文档名称无效',
  'home.open': '打开',
  'identity.heading': '我的身份',
  'identity.hint': '协作时其他人会看到你的名称和颜色。名称由管理员设置，颜色可以自选。',
  'identity.displayName': '显示名称',
  'identity.colour': '颜色',
  'session.loadFailed': '无法确认登录状态：{message}',
  'session.retry': '重试',
  'signIn.heading': '登录',
  'signIn.username': '用户名',
  'signIn.password': '密码',
  'signIn.submit': '登录',
  'signIn.submitting': '正在登录…',
  'account.label': '当前用户',
  'account.changePassword': '修改密码',
  'account.signOut': '退出登录',
  'account.signOutFailed': '退出登录失败：{message}',
  'password.heading': '修改密码',
  'password.forcedHeading': '请先修改初始密码',
  'password.forcedHint':
    '你的初始密码由管理员设置或由系统生成，修改为只有你知道的密码后才能继续使用。',
  'password.old': '原密码',
  'password.new': '新密码',
  'password.confirm': '确认新密码',
  'password.rulesHeading': '新密码要求',
  'password.submit': '确认修改',
  'password.submitting': '正在保存…',
  'password.changed': '密码已修改。',
  'password.rule.met': '已满足',
  'password.rule.unmet': '未满足',
  'password.rule.too_short': '至少 {min} 个字符',
  'password.rule.too_long': '不超过 {max} 个字符',
  'password.rule.too_few_classes': '包含大写字母、小写字母、数字、符号中的至少 {classes} 种',
  'password.rule.same_as_username': '不能与用户名相同',
  'password.rule.same_as_old': '不能与原密码相同',
  'password.rule.confirmed': '两次输入的新密码一致',
  'error.network': '无法连接服务器，请检查网络后重试。',
  'error.badResponse': '服务器出错（{status}），请稍后重试。',
  'colour.red': '红色',
  'colour.rose': '玫红',
  'colour.purple': '紫色',
  'colour.indigo': '靛蓝',
  'colour.blue': '蓝色',
  'colour.teal': '青色',
  'colour.green': '绿色',
  'colour.brown': '棕色',
  'status.label': '连接状态',
  'status.connecting': '正在连接',
  'status.connected': '已连接',
  'status.reconnecting': '正在重连',
  'status.disconnected': '已断开',
  'closed.badDocumentName': '服务器不接受这个文档名称。',
  'closed.unauthenticated': '需要先登录才能打开这个文档。',
  'closed.forbidden': '你没有打开这个文档的权限。',
  'closed.unknownDocument': '这个文档不存在。',
  'closed.other': '服务器关闭了连接（代码 {code}）。',
  'document.back': '返回首页',
  'document.editorLabel': '文档 {name} 的正文',
  'document.invalidName': '“{name}”不是有效的文档名称。',
  'peers.heading': '在线',
  'peers.you': '{name}（我）',
  'peers.alone': '暂无其他人',
  'notFound.title': '页面不存在',
} as const;

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

const en: Messages = {
  'app.title': 'Shenghuohui Workspace',
  'app.tagline': 'A real-time workspace for democratic and organizational life meetings',
  'language.label': 'Language',
  'home.openHeading': 'Open a document',
  'home.documentName': 'Document name',
  'home.documentNameHint':
    'Letters, digits, underscores and hyphens, with / between levels, e.g. m/1/minutes',
  'home.documentNameInvalid': 'Invalid document name',
  'home.open': 'Open',
  'identity.heading': 'About you',
  'identity.hint':
    'Others see your name and colour while you edit together. An admin sets the name; the colour is yours to choose.',
  'identity.displayName': 'Display name',
  'identity.colour': 'Colour',
  'session.loadFailed': 'Could not check whether you are signed in: {message}',
  'session.retry': 'Try again',
  'signIn.heading': 'Sign in',
  'signIn.username': 'Username',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.submitting': 'Signing in…',
  'account.label': 'Signed in as',
  'account.changePassword': 'Change password',
  'account.signOut': 'Sign out',
  'account.signOutFailed': 'Could not sign out: {message}',
  'password.heading': 'Change password',
  'password.forcedHeading': 'Change your initial password first',
  'password.forcedHint':
    'Your initial password was set by an admin or generated; replace it with one only you know to continue.',
  'password.old': 'Current password',
  'password.new': 'New password',
  'password.confirm': 'Confirm new password',
  'password.rulesHeading': 'The new password must',
  'password.submit': 'Change password',
  'password.submitting': 'Saving…',
  'password.changed': 'Your password has been changed.',
  'password.rule.met': 'met',
  'password.rule.unmet': 'not met',
  'password.rule.too_short': 'have at least {min} characters',
  'password.rule.too_long': 'have at most {max} characters',
  'password.rule.too_few_classes':
    'use at least {classes} of: upper case, lower case, digits, symbols',
  'password.rule.same_as_username': 'differ from the username',
  'password.rule.same_as_old': 'differ from the current password',
  'password.rule.confirmed': 'match its confirmation',
  'error.network': 'Cannot reach the server. Check the network and try again.',
  'error.badResponse': 'The server failed ({status}). Try again later.',
  'colour.red': 'Red',
  'colour.rose': 'Rose',
  'colour.purple': 'Purple',
  'colour.indigo': 'Indigo',
  'colour.blue': 'Blue',
  'colour.teal': 'Teal',
  'colour.green': 'Green',
  'colour.brown': 'Brown',
  'status.label': 'Connection',
  'status.connecting': 'Connecting',
  'status.connected': 'Connected',
  'status.reconnecting': 'Reconnecting',
  'status.disconnected': 'Disconnected',
  'closed.badDocumentName': 'The server does not accept this document name.',
  'closed.unauthenticated': 'Sign in to open this document.',
  'closed.forbidden': 'You may not open this document.',
  'closed.unknownDocument': 'This document does not exist.',
  'closed.other': 'The server closed the connection (code {code}).',
  'document.back': 'Home',
  'document.editorLabel': 'Text of document {name}',
  'document.invalidName': '"{name}" is not a valid document name.',
  'peers.heading': 'Online',
  'peers.you': '{name} (me)',
  'peers.alone': 'Nobody else yet',
  'notFound.title': 'Page not found',
};

export const locales = ['zh-CN', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-CN';

/** Each locale's name in its own language, for the switcher. */
export const localeNames: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

const catalogs: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export type MessageParams = Record<string, string | number>;

/** The message for `key` in `locale`, with `{param}` placeholders filled in. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
