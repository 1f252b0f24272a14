import { moduleIcon } from '../../app/nav.tsx';
import { ModulePlaceholder } from '../../components/ModulePlaceholder.tsx';

export function ProjectsPage() {
  return <ModulePlaceholder module="projects" icon={moduleIcon('projects')} />;
}
