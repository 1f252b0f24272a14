import { ladderRungs, type TLadderRung } from '@kechuang/contracts';
import { App, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { applyFieldErrors } from '../../lib/form-errors.ts';
import { useAddStatus } from './registry-api.ts';

interface Values {
  rung: TLadderRung;
  reference?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  note?: string;
}

/** 登记梯度状态: 入库编号 (科技型中小企业), 证书编号与发证日期 (高新技术企业), 小巨人, 上市 … — history is only added to. */
export function LadderStatusModal({ enterpriseId, open, onClose }: { enterpriseId: number; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [form] = Form.useForm<Values>();
  const rung = Form.useWatch('rung', form) ?? 'techSme';
  const add = useAddStatus(enterpriseId);
  const day = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
  return (
    <Modal
      open={open}
      title={t('enterprise.registry.status.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('enterprise.registry.form.save')}
      confirmLoading={add.isPending}
      width={640}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ rung: 'techSme' }}
        preserve={false}
        data-testid="ladder-status-form"
        onFinish={(v) =>
          add.mutate(
            {
              rung: v.rung,
              reference: v.reference?.trim() ? v.reference.trim() : null,
              validFrom: day(v.validFrom) ?? '',
              validTo: day(v.validTo),
              note: v.note?.trim() ? v.note.trim() : null,
            },
            {
              onSuccess: () => {
                message.success(t('enterprise.registry.status.saved', { rung: t(`enterprise.rungs.${v.rung}`) }));
                onClose();
              },
              onError: (e) => {
                if (!applyFieldErrors(form, e, errorText(e))) message.error(errorText(e));
              },
            },
          )
        }
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="rung" label={t('enterprise.registry.funnel.rung')} rules={[{ required: true }]}>
              <Select<TLadderRung> options={ladderRungs.map((r) => ({ value: r, label: t(`enterprise.rungs.${r}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="reference" label={t(`enterprise.registry.status.reference.${rung}`)}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item
              name="validFrom"
              label={t(`enterprise.registry.status.validFrom.${rung === 'hnte' ? 'hnte' : 'other'}`)}
              rules={[{ required: true, message: t('enterprise.registry.form.required') }]}
            >
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12}>
            <Form.Item name="validTo" label={t('enterprise.registry.mine.validTo')}>
              <DatePicker style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="note" label={t('enterprise.registry.status.note')}>
              <Input maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t(rung === 'hnte' ? 'enterprise.registry.status.hnteHint' : 'enterprise.registry.status.hint')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}
