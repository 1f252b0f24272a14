import { ArrowLeftOutlined } from '@ant-design/icons';
import type { TPlanImportResult } from '@kechuang/contracts';
import { Button, Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader.tsx';
import { ImportInput } from './ImportInput.tsx';
import { PlanReview } from './PlanReview.tsx';
import { useCanImportPlans } from './plan-access.ts';
import { reviewCss } from './plan-styles.ts';

/** Upload or paste a 工作要点, review what was recognised beside the original, confirm. */
export function PlanImportPage() {
  const { t } = useTranslation();
  const canImport = useCanImportPlans();
  const [result, setResult] = useState<TPlanImportResult | null>(null);
  // A new import starts a fresh review (the reducer is seeded once per mount).
  const [round, setRound] = useState(0);

  if (!canImport) return <Navigate to="/plans" replace />;

  return (
    <div data-testid="page-plan-import">
      <style>{reviewCss}</style>
      <PageHeader
        title={t('plan.importPage.title')}
        subtitle={result?.filename ?? t('plan.importPage.subtitle')}
        extra={
          <Link to="/plans">
            <Button icon={<ArrowLeftOutlined />}>{t('plan.detail.backToList')}</Button>
          </Link>
        }
      />
      <Steps
        size="small"
        current={result ? 1 : 0}
        items={[
          { title: t('plan.importPage.steps.input') },
          { title: t('plan.importPage.steps.review') },
          { title: t('plan.importPage.steps.confirm') },
        ]}
        style={{ maxWidth: 720, marginBottom: 16 }}
      />
      {result ? (
        <PlanReview
          key={round}
          result={result}
          onRestart={() => {
            setResult(null);
            setRound((r) => r + 1);
          }}
        />
      ) : (
        <ImportInput onRecognised={setResult} />
      )}
    </div>
  );
}
