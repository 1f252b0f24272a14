import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function VouchersPage() {
  return <ModulePlaceholder module="vouchers" icon={moduleIcon('vouchers')} />;
}
