import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function IntegrityPage() {
  return <ModulePlaceholder module="integrity" icon={moduleIcon('integrity')} />;
}
