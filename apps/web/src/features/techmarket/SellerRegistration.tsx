import { sellerKinds, type TSeller, type TSellerInput } from '@kechuang/contracts';
import { App, Button, Card, Descriptions, Form, Input, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/error-text.ts';
import { useCurrentUser } from '../auth/auth-api.ts';
import { sellerApi, useTechmarketMutation } from './techmarket-api.ts';

/** 卖方注册: a unit registers once as a seller before its first contract (the unit is the user's own). */
export function SellerRegistration() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const save = useTechmarketMutation(sellerApi.register);
  return (
    <Card title={t('techmarket.seller.title')} data-testid="seller-register">
      <Typography.Paragraph type="secondary">{t('techmarket.seller.hint')}</Typography.Paragraph>
      <Form<TSellerInput>
        layout="vertical"
        style={{ maxWidth: 560 }}
        initialValues={{ kind: user.orgKind === 'institute' ? 'institute' : 'enterprise', contact: '' }}
        onFinish={(v) =>
          save.mutate(
            { kind: v.kind, contact: v.contact ?? '', uscc: v.uscc ? v.uscc.trim().toUpperCase() : null },
            { onSuccess: () => message.success(t('techmarket.seller.done')), onError: (e) => message.error(errorText(e)) },
          )
        }
      >
        <Form.Item label={t('techmarket.seller.org')}>
          <Input value={user.orgName} disabled />
        </Form.Item>
        <Form.Item
          name="uscc"
          label={t('techmarket.seller.uscc')}
          rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: t('techmarket.seller.usccFormat') }]}
        >
          <Input maxLength={18} placeholder="91430408MA4L16XK37" />
        </Form.Item>
        <Form.Item name="kind" label={t('techmarket.seller.kind')} rules={[{ required: true }]}>
          <Select options={sellerKinds.map((k) => ({ value: k, label: t(`techmarket.sellerKinds.${k}`) }))} />
        </Form.Item>
        <Form.Item name="contact" label={t('techmarket.seller.contact')}>
          <Input maxLength={100} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="seller-save">
          {t('techmarket.seller.submit')}
        </Button>
      </Form>
    </Card>
  );
}

export function SellerCard({ seller }: { seller: TSeller }) {
  const { t } = useTranslation();
  return (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="seller-card">
      <Descriptions size="small" column={4}>
        <Descriptions.Item label={t('techmarket.seller.org')}>{seller.orgName}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.seller.uscc')}>{seller.uscc ?? t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.seller.kind')}>{t(`techmarket.sellerKinds.${seller.kind}`)}</Descriptions.Item>
        <Descriptions.Item label={t('techmarket.seller.contact')}>{seller.contact || t('common.none')}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
