import { CheckOutlined, CopyOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';

async function copyText(text: string): Promise<void> {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Plain-HTTP intranet deployments have no Clipboard API; fall back to a hidden textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  if (!ok) throw new Error('copy failed');
}

export function CopyButton({ text, children, type }: { text: string; children?: ReactNode; type?: 'default' | 'primary' }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type={type}
      icon={copied ? <CheckOutlined /> : <CopyOutlined />}
      onClick={() => {
        copyText(text)
          .then(() => {
            setCopied(true);
            message.success(t('common.actions.copied'));
            setTimeout(() => setCopied(false), 2000);
          })
          .catch(() => message.error(t('common.actions.copyFailed')));
      }}
    >
      {children ?? (copied ? t('common.actions.copied') : t('common.actions.copy'))}
    </Button>
  );
}
