import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function PlansPage() {
  return <ModulePlaceholder module="plans" icon={moduleIcon('plans')} />;
}
