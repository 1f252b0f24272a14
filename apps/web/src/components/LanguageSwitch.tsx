import { languages } from '@kechuang/i18n';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../app/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      size="small"
      aria-label={t('common.language.label')}
      value={currentLanguage(i18n.language)}
      options={languages.map((lang) => ({ value: lang, label: t(`common.language.${lang}`) }))}
      onChange={(lang) => {
        void changeLanguage(lang);
      }}
      data-testid="language-switch"
    />
  );
}
