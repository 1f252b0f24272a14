import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function PlatformsPage() {
  return <ModulePlaceholder module="platforms" icon={moduleIcon('platforms')} />;
}
