import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Ant Design's theme, locale and message/modal context, for the pages built with it: the
 * console, and the storefront's pages after the first (its front page is drawn without it, so a
 * shopper's phone does not download the component library before seeing products).
 */
export function AntdRoot({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      button={{ autoInsertSpace: false }}
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#e4572e' } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
