import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function TechmarketPage() {
  return <ModulePlaceholder module="techmarket" icon={moduleIcon('techmarket')} />;
}
