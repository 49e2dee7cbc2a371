import { ConfigProvider, theme as antTheme } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import type { Locale as KitLocale } from 'antd/es/locale/index.js';
import zhCN from 'antd/es/locale/zh_CN.js';
import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/i18nContext.js';
import type { Locale } from '../../i18n/messages.js';

// antd's locale files are ES modules whose types TypeScript reads as CommonJS; Vite bundles the
// ES build, where the default export is the locale itself.
const kitLocales = { 'zh-CN': zhCN, en: enUS } as unknown as Record<Locale, KitLocale>;

// System fonts only: the intranet has no font server, and Chinese glyphs must come from the OS.
const FONT_FAMILY =
  "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', " +
  "'WenQuanYi Micro Hei', system-ui, sans-serif";

/**
 * Ant Design, the kit most Chinese administrative systems use, in the page's language and the
 * app's colours; its widgets (dates, pagination, empty states) follow the language switch.
 */
export function UiKitProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider
      locale={kitLocales[locale]}
      // "取消", not "取 消": labels read as written (and as tests and screen readers find them).
      button={{ autoInsertSpace: false }}
      theme={{
        algorithm: antTheme.defaultAlgorithm,
        token: {
          colorPrimary: '#a61b1b',
          colorLink: '#1565c0',
          colorText: '#1f2328',
          colorTextSecondary: '#59636e',
          colorBorder: '#d8dde3',
          colorBgLayout: '#f6f7f9',
          fontFamily: FONT_FAMILY,
          fontSize: 15,
          borderRadius: 6,
        },
      }}
    >
      {children}
    </ConfigProvider>
  );
}
