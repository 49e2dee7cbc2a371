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
  'identity.hint': '协作时其他人会看到你的名称和颜色。',
  'identity.displayName': '显示名称',
  'identity.colour': '颜色',
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
  'identity.hint': 'Others see your name and colour while you edit together.',
  'identity.displayName': 'Display name',
  'identity.colour': 'Colour',
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
