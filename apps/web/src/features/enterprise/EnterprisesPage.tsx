import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function EnterprisesPage() {
  return <ModulePlaceholder module="enterprises" icon={moduleIcon('enterprises')} />;
}
