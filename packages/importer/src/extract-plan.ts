import { type ExtractOptions, type TPlanDraft, ZPlanDraft } from './draft.ts';
import { extractMetadata } from './metadata.ts';
import { parseSections, toSections } from './sections.ts';
import { extractTargets } from './targets.ts';
import { extractTasks } from './tasks.ts';

/**
 * Turns a plan's text into a draft for a person to check: metadata, section tree, tasks, targets and baselines.
 * Synchronous and pure; offsets are UTF-16 indices into `text` as given.
 */
export function extractPlan(text: string, options: ExtractOptions = {}): TPlanDraft {
  const meta = extractMetadata(text, options.resolveRegion);
  const nodes = parseSections(text);
  const { targets, baselines } = extractTargets(text, { sections: nodes, year: meta.year, summary: meta.kind === 'summary' });
  return {
    ...meta,
    sections: toSections(nodes),
    targets,
    baselines,
    tasks: extractTasks(text, nodes),
  };
}

/** Validates a draft against its schema (for callers that received one over the wire). */
export function parseDraft(value: unknown): TPlanDraft {
  return ZPlanDraft.parse(value);
}
