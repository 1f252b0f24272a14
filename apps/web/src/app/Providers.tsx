import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from './i18n.ts';
import { queryClient } from './query-client.ts';

const brandTheme = {
  algorithm: theme.defaultAlgorithm,
  token: {
    colorPrimary: '#1456f0',
    colorInfo: '#1456f0',
    borderRadius: 6,
    colorBgLayout: '#f5f7fa',
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerPadding: '0 20px', headerHeight: 56 },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8 },
    Table: { headerBg: '#f7f8fa' },
  },
};

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const lang = currentLanguage(i18n.language);
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={brandTheme}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
