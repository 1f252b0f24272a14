import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function ReviewPage() {
  return <ModulePlaceholder module="review" icon={moduleIcon('review')} />;
}
