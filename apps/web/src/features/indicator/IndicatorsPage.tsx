import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function IndicatorsPage() {
  return <ModulePlaceholder module="indicators" icon={moduleIcon('indicators')} />;
}
