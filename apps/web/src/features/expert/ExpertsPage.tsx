import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function ExpertsPage() {
  return <ModulePlaceholder module="experts" icon={moduleIcon('experts')} />;
}
