import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function TalentPage() {
  return <ModulePlaceholder module="talent" icon={moduleIcon('talent')} />;
}
