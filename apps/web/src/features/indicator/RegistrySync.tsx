import { SyncOutlined } from '@ant-design/icons';
import type { TRegistrySyncResult } from '@kechuang/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, InputNumber, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionPicker } from '../../components/RegionPicker.tsx';
import { api } from '../../lib/api.ts';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { defaultYear } from './indicator-format.ts';

/** 从企业库同步: enterprise counts of the registry written as actual values (a source like any other). */
export function RegistrySync() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const { user } = useCurrentUser();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [region, setRegion] = useState<string | undefined>(user.regionCode);
  const [year, setYear] = useState(defaultYear());
  const sync = useMutation({
    mutationFn: () => api.post<TRegistrySyncResult>('/api/indicators/registry-sync', { region, year }),
    onSuccess: (r) => {
      message.success(t('indicator.values.sync.done', { written: r.written, unchanged: r.unchanged }));
      setOpen(false);
      return qc.invalidateQueries({ queryKey: ['indicators'] });
    },
    onError: (e) => message.error(errorText(e)),
  });
  return (
    <>
      <Button icon={<SyncOutlined />} onClick={() => setOpen(true)}>
        {t('indicator.values.sync.open')}
      </Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        title={t('indicator.values.sync.title')}
        okText={t('indicator.values.sync.start')}
        onOk={() => sync.mutate()}
        okButtonProps={{ disabled: !region }}
        confirmLoading={sync.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('indicator.values.sync.hint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('indicator.values.cols.region')} required>
            <RegionPicker value={region ?? null} onChange={setRegion} allowClear={false} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item label={t('indicator.year')} required>
            <InputNumber value={year} min={1990} max={2100} onChange={(v) => v && setYear(v)} style={{ width: 140 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
